import { linearRegression, type PredictionInterval } from '../intelligence/regression'
import { meanAbsolutePercentageError } from '../intelligence/statistics'
import { studentTQuantile } from '../intelligence/studentT'
import { addMonths } from './biParams'

export type MonthlyRevenue = { period: string; revenue: number }
export type ForecastMethod = 'linear-trend' | 'linear-trend+monthly-seasonality' | 'insufficient-history'
export type ForecastPoint = { period: string; revenue: number; lower: number; upper: number }
export type BacktestPoint = { period: string; actual: number; predicted: number }
export type Backtest = { heldOutMonths: number; mape: number | null; points: BacktestPoint[] }
export type RevenueForecast = { method: ForecastMethod; forecast: ForecastPoint[]; backtest: Backtest | null; history: number }
export type ForecastOptions = { horizon?: number; holdout?: number; confidence?: number }

/** Each calendar month seen at least twice, or its seasonal index is one month's noise. */
const SEASONAL_MIN_MONTHS = 24
/** A trend and its interval: two coefficients and one degree of freedom left over. */
const MIN_MONTHS = 3
/** Degrees of freedom the twelve seasonal indices take beyond the trend's two (they sum to zero). */
const SEASONAL_PARAMETERS = 11

type Model = { method: ForecastMethod; predict(index: number, confidence: number): PredictionInterval }

/**
 * Monthly revenue ahead, as a linear trend over the month index, plus an additive index
 * per calendar month once there are two years to estimate it from. Each forecast month
 * comes with a band that holds the actual revenue with probability `confidence`. The
 * backtest fits the same procedure without the last `holdout` months and scores it on them
 * (MAPE in percent), so the admin sees how far to trust the figures.
 *
 * `monthly` must be consecutive calendar months (YYYY-MM-01), oldest first.
 */
export function forecastRevenue(monthly: readonly MonthlyRevenue[], { horizon = 3, holdout = 3, confidence = 0.8 }: ForecastOptions = {}): RevenueForecast {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon ${horizon} must be a whole number of months from 1`)
  if (!Number.isInteger(holdout) || holdout < 1) throw new RangeError(`holdout ${holdout} must be a whole number of months from 1`)
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence ${confidence} is not strictly between 0 and 1`)
  assertConsecutiveMonths(monthly)

  const history = monthly.length
  if (history < MIN_MONTHS) return { method: 'insufficient-history', forecast: [], backtest: null, history }
  const first = monthly[0]!.period
  const revenues = monthly.map((month) => month.revenue)
  const model = fitModel(revenues, calendarMonth(first))
  const forecast = Array.from({ length: horizon }, (_, step) => {
    const index = history + step
    const { value, lower, upper } = model.predict(index, confidence)
    return { period: addMonths(first, index), revenue: rupiah(value), lower: rupiah(lower), upper: rupiah(upper) }
  })
  return { method: model.method, forecast, backtest: backtest(monthly, holdout, confidence), history }
}

function backtest(monthly: readonly MonthlyRevenue[], holdout: number, confidence: number): Backtest | null {
  const trainingMonths = monthly.length - holdout
  if (trainingMonths < MIN_MONTHS) return null
  const model = fitModel(monthly.slice(0, trainingMonths).map((month) => month.revenue), calendarMonth(monthly[0]!.period))
  const points = monthly.slice(trainingMonths).map((month, offset) => ({
    period: month.period,
    actual: month.revenue,
    predicted: rupiah(model.predict(trainingMonths + offset, confidence).value),
  }))
  const mape = meanAbsolutePercentageError(points.map((point) => point.actual), points.map((point) => point.predicted))
  return { heldOutMonths: holdout, mape, points }
}

function fitModel(revenues: number[], firstCalendarMonth: number): Model {
  const indices = revenues.map((_, index) => index)
  if (revenues.length < SEASONAL_MIN_MONTHS) {
    const trend = linearRegression(indices, revenues)
    return { method: 'linear-trend', predict: trend.predict }
  }
  const monthOf = (index: number) => (firstCalendarMonth + index) % 12
  const seasonal = monthlySeasonality(revenues, monthOf)
  const trend = linearRegression(indices, revenues.map((revenue, index) => revenue - seasonal.indices[monthOf(index)]!))
  // The trend's residual spread, with the degrees of freedom the seasonal indices used counted.
  const degreesOfFreedom = revenues.length - 2 - SEASONAL_PARAMETERS
  const residualSpread = trend.residualStandardError * Math.sqrt((revenues.length - 2) / degreesOfFreedom)
  return {
    method: 'linear-trend+monthly-seasonality',
    predict(index, confidence) {
      const month = monthOf(index)
      const fromTrend = trend.predict(index, confidence)
      // A seasonal index is the mean of only a few residuals: its own uncertainty widens the trend's band.
      const seasonalHalfWidth = studentTQuantile((1 + confidence) / 2, degreesOfFreedom) * (residualSpread / Math.sqrt(seasonal.counts[month]!))
      const halfWidth = Math.hypot(fromTrend.upper - fromTrend.value, seasonalHalfWidth)
      const value = fromTrend.value + seasonal.indices[month]!
      return { value, lower: value - halfWidth, upper: value + halfWidth }
    },
  }
}

/**
 * Each calendar month's index: the mean of its residuals from the trend. The trend's slope
 * is fitted together with the indices (from deviations around each month's own means, as
 * the Frisch–Waugh–Lovell theorem gives it): a trend fitted first would tilt towards
 * whichever months happen to peak late in the year and carry that tilt into the forecast.
 */
function monthlySeasonality(revenues: number[], monthOf: (index: number) => number): { indices: number[]; counts: number[] } {
  const counts = new Array<number>(12).fill(0)
  const indexSums = new Array<number>(12).fill(0)
  const revenueSums = new Array<number>(12).fill(0)
  revenues.forEach((revenue, index) => {
    const month = monthOf(index)
    counts[month]! += 1
    indexSums[month]! += index
    revenueSums[month]! += revenue
  })
  const indexMeans = indexSums.map((sum, month) => sum / counts[month]!)
  const revenueMeans = revenueSums.map((sum, month) => sum / counts[month]!)
  let within = 0
  let covariance = 0
  revenues.forEach((revenue, index) => {
    const month = monthOf(index)
    within += (index - indexMeans[month]!) ** 2
    covariance += (index - indexMeans[month]!) * (revenue - revenueMeans[month]!)
  })
  const slope = covariance / within
  const n = revenues.length
  const intercept = revenues.reduce((sum, revenue) => sum + revenue, 0) / n - (slope * (n - 1)) / 2
  return { indices: revenueMeans.map((revenueMean, month) => revenueMean - intercept - slope * indexMeans[month]!), counts }
}

/** Whole rupiah, and never below zero: revenue cannot be negative, whatever a falling trend says. */
function rupiah(value: number): number {
  return Math.max(0, Math.round(value))
}

/** 0 for January … 11 for December. */
function calendarMonth(period: string): number {
  return Number(period.slice(5, 7)) - 1
}

function assertConsecutiveMonths(monthly: readonly MonthlyRevenue[]): void {
  monthly.forEach((month, index) => {
    if (!/^\d{4}-\d{2}-01$/.test(month.period)) throw new RangeError(`period ${month.period} is not a month as YYYY-MM-01`)
    if (index > 0 && month.period !== addMonths(monthly[index - 1]!.period, 1)) {
      throw new RangeError(`period ${month.period} does not follow ${monthly[index - 1]!.period}`)
    }
  })
}
