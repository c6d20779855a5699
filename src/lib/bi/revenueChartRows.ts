import { addMonths, type Granularity } from '../../../bi/biParams'
import type { RevenuePoint } from '../../../bi/biReports'
import type { ForecastPoint } from '../../../bi/revenueForecast'

export type RevenueChartRow = { period: string; revenue?: number; invoices?: number; forecast?: number; band?: [number, number] }

/**
 * The revenue chart's rows: the range's revenue per period and, by month, the forecast
 * continuing it. The forecast starts at the current month (the last whole month is its
 * last input), so it is drawn only when the range reaches that last whole month; its line
 * starts from that month's actual revenue, so it reads as the continuation of the bars.
 * Returns whether the forecast is on the chart.
 */
export function revenueChartRows(series: readonly RevenuePoint[], granularity: Granularity, forecast: readonly ForecastPoint[]): { rows: RevenueChartRow[]; withForecast: boolean } {
  const rows: RevenueChartRow[] = series.map(({ period, revenue, invoices }) => ({ period, revenue, invoices }))
  const first = forecast[0]
  const lastPeriod = series[series.length - 1]?.period
  if (granularity !== 'month' || !first || !lastPeriod || lastPeriod < addMonths(first.period, -1)) return { rows, withForecast: false }

  const byPeriod = new Map(rows.map((row) => [row.period, row]))
  const lastWhole = byPeriod.get(addMonths(first.period, -1))
  if (lastWhole?.revenue !== undefined) {
    lastWhole.forecast = lastWhole.revenue
    lastWhole.band = [lastWhole.revenue, lastWhole.revenue]
  }
  for (const point of forecast) {
    const row = byPeriod.get(point.period) ?? { period: point.period }
    row.forecast = point.revenue
    row.band = [point.lower, point.upper]
    if (!byPeriod.has(point.period)) {
      byPeriod.set(point.period, row)
      rows.push(row)
    }
  }
  return { rows, withForecast: true }
}
