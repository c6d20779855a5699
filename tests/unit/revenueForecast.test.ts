import { forecastRevenue, type MonthlyRevenue } from '../../bi/revenueForecast'
import { seededNoise } from '../helpers/seededRandom'

const M = 1_000_000

/** Consecutive months from `first` (YYYY-MM-01), the i-th earning revenueAt(i). */
function months(first: string, count: number, revenueAt: (index: number) => number): MonthlyRevenue[] {
  const [year, month] = first.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, index) => ({
    period: new Date(Date.UTC(year, month - 1 + index, 1)).toISOString().slice(0, 10),
    revenue: revenueAt(index),
  }))
}

// A year's shape in millions, January to December: a quiet start, a mid-year peak, a December rush. It sums to zero.
const SEASON = [-8, -6, -2, 0, 2, 4, 3, 1, -1, -3, 2, 8]
const trendPlusSeason = (firstCalendarMonth: number) => (index: number) => 50 * M + M * index + SEASON[(firstCalendarMonth + index) % 12]! * M

describe('forecastRevenue', () => {
  it('continues a straight line exactly, its band collapsed onto it', () => {
    const history = months('2025-01-01', 12, (i) => 10 * M + 0.5 * M * i)
    const result = forecastRevenue(history)
    expect(result.method).toBe('linear-trend')
    expect(result.history).toBe(12)
    // Month 12 (January 2026): 10M + 12 × 0.5M.
    expect(result.forecast).toEqual([
      { period: '2026-01-01', revenue: 16 * M, lower: 16 * M, upper: 16 * M },
      { period: '2026-02-01', revenue: 16.5 * M, lower: 16.5 * M, upper: 16.5 * M },
      { period: '2026-03-01', revenue: 17 * M, lower: 17 * M, upper: 17 * M },
    ])
    expect(result.backtest).toEqual({
      heldOutMonths: 3,
      mape: 0,
      points: [
        { period: '2025-10-01', actual: 14.5 * M, predicted: 14.5 * M },
        { period: '2025-11-01', actual: 15 * M, predicted: 15 * M },
        { period: '2025-12-01', actual: 15.5 * M, predicted: 15.5 * M },
      ],
    })
  })

  it('continues a straight line exactly with seasonality on too: every seasonal index is zero', () => {
    const result = forecastRevenue(months('2023-01-01', 36, (i) => 20 * M + 0.25 * M * i), { horizon: 2 })
    expect(result.method).toBe('linear-trend+monthly-seasonality')
    expect(result.forecast).toEqual([
      { period: '2026-01-01', revenue: 29 * M, lower: 29 * M, upper: 29 * M },
      { period: '2026-02-01', revenue: 29.25 * M, lower: 29.25 * M, upper: 29.25 * M },
    ])
  })

  it('forecasts three years of trend plus a known season within 2%, and says it used the season', () => {
    const noise = seededNoise(2024, 0.5 * M)
    const result = forecastRevenue(months('2023-01-01', 36, (i) => trendPlusSeason(0)(i) + noise()))
    expect(result.method).toBe('linear-trend+monthly-seasonality')
    // Months 36–38 are January–March 2026: 86M − 8M, 87M − 6M, 88M − 2M.
    const expected = [78 * M, 81 * M, 86 * M]
    expect(result.forecast.map((point) => point.period)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01'])
    result.forecast.forEach((point, i) => {
      expect(Math.abs(point.revenue - expected[i]!) / expected[i]!).toBeLessThan(0.02)
      expect(point.lower).toBeLessThan(expected[i]!)
      expect(point.upper).toBeGreaterThan(expected[i]!)
    })
  })

  it('lines the seasonal indices up with calendar months whatever month the history starts in', () => {
    // July 2023 to December 2025: 30 months, index 0 is July.
    const result = forecastRevenue(months('2023-07-01', 30, trendPlusSeason(6)))
    expect(result.method).toBe('linear-trend+monthly-seasonality')
    // Months 30–32 are January–March 2026: 80M − 8M, 81M − 6M, 82M − 2M.
    expect(result.forecast.map((point) => [point.period, point.revenue])).toEqual([
      ['2026-01-01', 72 * M],
      ['2026-02-01', 75 * M],
      ['2026-03-01', 80 * M],
    ])
  })

  it('uses the trend alone below 24 months: each calendar month must be seen twice', () => {
    expect(forecastRevenue(months('2024-01-01', 23, trendPlusSeason(0))).method).toBe('linear-trend')
    expect(forecastRevenue(months('2024-01-01', 24, trendPlusSeason(0))).method).toBe('linear-trend+monthly-seasonality')
  })

  it('backtests on the held-out months: a hand-made series scores its hand-computed MAPE', () => {
    // Trained on 1M, 2M, 3M, the line predicts 4M, 5M, 6M; the actuals are 4M, 5M, 7M: (0 + 0 + 1/7) / 3 = 100/21 %.
    const { backtest } = forecastRevenue(months('2025-01-01', 6, (i) => [1, 2, 3, 4, 5, 7][i]! * M))
    expect(backtest).toEqual({
      heldOutMonths: 3,
      mape: expect.closeTo(100 / 21, 10),
      points: [
        { period: '2025-04-01', actual: 4 * M, predicted: 4 * M },
        { period: '2025-05-01', actual: 5 * M, predicted: 5 * M },
        { period: '2025-06-01', actual: 7 * M, predicted: 6 * M },
      ],
    })
  })

  it('leaves a held-out month without revenue out of the MAPE', () => {
    // Predictions 4M, 5M, 6M against 0, 5M, 7M: the zero month has no percentage, (0 + 1/7) / 2 = 50/7 %.
    const { backtest } = forecastRevenue(months('2025-01-01', 6, (i) => [1, 2, 3, 0, 5, 7][i]! * M))
    expect(backtest!.mape).toBeCloseTo(50 / 7, 10)
  })

  it('has no backtest when fewer than holdout + 3 months are known', () => {
    const line = (i: number) => M * (i + 1)
    expect(forecastRevenue(months('2025-01-01', 5, line)).backtest).toBeNull()
    expect(forecastRevenue(months('2025-01-01', 6, line)).backtest).not.toBeNull()
    expect(forecastRevenue(months('2025-01-01', 5, line), { holdout: 2 }).backtest?.heldOutMonths).toBe(2)
  })

  it('never forecasts below zero, even when the trend heads there', () => {
    // Slope −1.8M from 10M: month 6 is 10M − 10.8M = −0.8M.
    const result = forecastRevenue(months('2025-01-01', 6, (i) => [10, 8, 7, 4, 3, 1][i]! * M))
    expect(result.forecast[0]!.revenue).toBe(0)
    for (const point of result.forecast) for (const value of [point.revenue, point.lower, point.upper]) expect(value).toBeGreaterThanOrEqual(0)
    expect(result.backtest!.points.every((point) => point.predicted >= 0)).toBe(true)
  })

  it('gives whole rupiah', () => {
    const noise = seededNoise(5, 123_456.789)
    const result = forecastRevenue(months('2025-01-01', 10, (i) => 5 * M + 0.3 * M * i + noise()))
    for (const point of result.forecast) for (const value of [point.revenue, point.lower, point.upper]) expect(Number.isInteger(value)).toBe(true)
  })

  it('widens the band the further ahead it looks, and with the confidence asked for', () => {
    const noise = seededNoise(8, 2 * M)
    const history = months('2024-01-01', 18, (i) => 40 * M + M * i + noise())
    const width = (point: { lower: number; upper: number }) => point.upper - point.lower
    const { forecast } = forecastRevenue(history, { horizon: 12 })
    expect(forecast).toHaveLength(12)
    expect(width(forecast[11]!)).toBeGreaterThan(width(forecast[0]!))
    const narrow = forecastRevenue(history, { confidence: 0.5 }).forecast[0]!
    const wide = forecastRevenue(history, { confidence: 0.95 }).forecast[0]!
    expect(width(narrow)).toBeLessThan(width(forecast[0]!))
    expect(width(forecast[0]!)).toBeLessThan(width(wide))
  })

  it('has nothing to say about fewer than three months', () => {
    expect(forecastRevenue([])).toEqual({ method: 'insufficient-history', forecast: [], backtest: null, history: 0 })
    expect(forecastRevenue(months('2025-01-01', 2, () => M))).toEqual({ method: 'insufficient-history', forecast: [], backtest: null, history: 2 })
  })

  it('refuses months that are not consecutive and options out of range', () => {
    expect(() =>
      forecastRevenue([
        { period: '2025-01-01', revenue: 1 },
        { period: '2025-03-01', revenue: 2 },
        { period: '2025-04-01', revenue: 3 },
      ]),
    ).toThrow(RangeError)
    expect(() => forecastRevenue(months('2025-01-01', 6, () => M), { horizon: 0 })).toThrow(RangeError)
    expect(() => forecastRevenue(months('2025-01-01', 6, () => M), { confidence: 1 })).toThrow(RangeError)
  })
})
