import type { SqlExecutor } from '../db/sqlExecutor'
import { addDays, addMonths, type BiRange } from './biParams'
import { conversion, projectCounts, projectsCreated, receivables, userGrowth } from './biReports'
import { dailyFigures } from './biRollups'
import { forecastRevenue } from './revenueForecast'

/** A report: its JSON body, and the table its CSV export holds. */
export type BiReport = { body: Record<string, unknown>; table: { columns: string[]; rows: Record<string, unknown>[] } }

export const BI_REPORTS = ['summary', 'revenue', 'users', 'projects'] as const
export type BiReportName = (typeof BI_REPORTS)[number]

const rangeOf = (range: BiRange) => ({ from: range.from, to: range.to, granularity: range.granularity, timeZone: 'Asia/Jakarta' })

async function revenue(db: SqlExecutor, range: BiRange, now: Date): Promise<BiReport> {
  const daily = await dailyFigures(db, range)
  const [series, owed] = await Promise.all([daily.revenueSeries(), receivables(db, now)])
  const total = { revenue: series.reduce((sum, point) => sum + point.revenue, 0), invoices: series.reduce((sum, point) => sum + point.invoices, 0) }
  return { body: { range: rangeOf(range), total, receivables: owed, series }, table: { columns: ['period', 'revenue', 'invoices'], rows: series } }
}

async function users(db: SqlExecutor, range: BiRange): Promise<BiReport> {
  const [growth, converted] = await Promise.all([userGrowth(db, range), conversion(db, range)])
  const newClients = growth.series.reduce((sum, point) => sum + point.clients, 0)
  const newStaff = growth.series.reduce((sum, point) => sum + point.staff, 0)
  return {
    body: { range: rangeOf(range), newClients, newStaff, clientsBefore: growth.clientsBefore, conversion: converted, series: growth.series },
    table: { columns: ['period', 'clients', 'staff', 'totalClients'], rows: growth.series },
  }
}

async function projects(db: SqlExecutor, range: BiRange, now: Date): Promise<BiReport> {
  const daily = await dailyFigures(db, range)
  const [counts, created, stays] = await Promise.all([projectCounts(db), projectsCreated(db, range), daily.timeInStatus(now)])
  return {
    body: { range: rangeOf(range), ...counts, timeInStatus: stays, series: created },
    table: { columns: ['status', 'stays', 'ongoing', 'averageDays'], rows: stays },
  }
}

async function summary(db: SqlExecutor, range: BiRange, now: Date): Promise<BiReport> {
  const daily = await dailyFigures(db, range)
  const [paid, owed, converted, counts, stays, tiers, growth] = await Promise.all([
    daily.revenueSeries(),
    receivables(db, now),
    conversion(db, range),
    projectCounts(db),
    daily.timeInStatus(now),
    daily.topPricingTiers(),
    userGrowth(db, range),
  ])
  const revenueTotal = paid.reduce((sum, point) => sum + point.revenue, 0)
  const paidInvoices = paid.reduce((sum, point) => sum + point.invoices, 0)
  const newClients = growth.series.reduce((sum, point) => sum + point.clients, 0)
  // The CSV's rows: the headline figures, flat.
  const figures = {
    revenue: revenueTotal,
    paidInvoices,
    receivables: owed.amount,
    unpaidInvoices: owed.invoices,
    overdueReceivables: owed.overdueAmount,
    newClients,
    conversionRate: converted.rate,
  }
  return {
    body: {
      range: rangeOf(range),
      revenue: revenueTotal,
      paidInvoices,
      newClients,
      conversionRate: converted.rate,
      conversion: converted,
      receivables: owed,
      projectsByStatus: counts.byStatus,
      projectsByType: counts.byType,
      timeInStatus: stays,
      topPricingTiers: tiers,
    },
    table: { columns: ['figure', 'value'], rows: Object.entries(figures).map(([figure, value]) => ({ figure, value })) },
  }
}

export function buildReport(name: BiReportName, db: SqlExecutor, range: BiRange, now: Date): Promise<BiReport> {
  if (name === 'revenue') return revenue(db, range, now)
  if (name === 'users') return users(db, range)
  if (name === 'projects') return projects(db, range, now)
  return summary(db, range, now)
}

/** How far back the forecast looks: three years, enough for two of every calendar month and a backtest. */
const FORECAST_HISTORY_MONTHS = 36
/** The band's coverage: an 80% band is narrow enough to plan with. */
const FORECAST_CONFIDENCE = 0.8

/**
 * Monthly revenue for the next `horizon` months, from the whole months before `thisMonth`
 * (YYYY-MM-01 in Jakarta; the current month is still filling up). Months before the first
 * paid invoice are left out: they are before the business, not months it earned nothing.
 */
export async function buildForecastReport(db: SqlExecutor, horizon: number, thisMonth: string): Promise<BiReport> {
  const from = addMonths(thisMonth, -FORECAST_HISTORY_MONTHS)
  const series = await (await dailyFigures(db, { from, to: addDays(thisMonth, -1), toExclusive: thisMonth, granularity: 'month' })).revenueSeries()
  const firstEarning = series.findIndex((point) => point.revenue > 0)
  const months = firstEarning < 0 ? [] : series.slice(firstEarning).map(({ period, revenue }) => ({ period, revenue }))
  const { method, history, forecast, backtest } = forecastRevenue(months, { horizon, confidence: FORECAST_CONFIDENCE })
  return {
    body: { method, history, confidence: FORECAST_CONFIDENCE, forecast, backtest },
    table: { columns: ['period', 'revenue', 'lower', 'upper'], rows: forecast },
  }
}
