import type { SqlExecutor } from '../db/sqlExecutor'
import { detectSeasonality, findAnomalies, PREDICTED_METRICS, predictMetric } from './analysePerformance'
import { healthScore } from './healthScore'
import type { PerformanceQuery } from './performanceParams'
import { performanceState } from './performanceState'
import { readMinuteSeries, readRequestCounts, readTopRoutes } from './readSeries'

/** Minutes the summary's health looks at. */
export const SUMMARY_MINUTES = 15
const DAY = 86_400_000

/**
 * The report GET /api/admin/performance-intelligence answers: the stored minutes of the last
 * `query.minutes`, their anomalies, trends ahead, daily and weekly cycles (from up to 35 days
 * of hourly and daily request counts) and the health summary. The minute being recorded is
 * not stored yet; `live` shows this instance's figures for it.
 */
export async function buildPerformanceReport(db: SqlExecutor, query: PerformanceQuery, now: Date) {
  const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000)
  const from = new Date(to.getTime() - query.minutes * 60_000)
  // The anomaly window needs minutes before the first one shown.
  const series = await readMinuteSeries(db, new Date(from.getTime() - query.window * 60_000), to)
  const shown = series.filter((point) => point.minute >= from.toISOString())
  const anomalies = findAnomalies(series, query).filter((anomaly) => anomaly.minute >= from.toISOString())
  const predictions = PREDICTED_METRICS.map((metric) => predictMetric(shown, metric, query))
  const [hourly, daily, routes] = await Promise.all([
    readRequestCounts(db, 'hour', new Date(to.getTime() - 15 * DAY), to),
    readRequestCounts(db, 'day', new Date(to.getTime() - 35 * DAY), to),
    readTopRoutes(db, new Date(to.getTime() - 60 * 60_000), to),
  ])
  const recentFrom = new Date(to.getTime() - SUMMARY_MINUTES * 60_000).toISOString()
  const recent = shown.filter((point) => point.minute >= recentFrom)
  const hourAgo = new Date(to.getTime() - 60 * 60_000).toISOString()
  const jobsFailedLastHour = shown.filter((point) => point.minute >= hourAgo).reduce((sum, point) => sum + point.jobsFailed, 0)
  const health = healthScore({
    recent,
    anomalies: anomalies.filter((anomaly) => anomaly.minute >= recentFrom),
    memoryTrend: predictions.find((prediction) => prediction.metric === 'rssBytes') ?? null,
    jobsFailedLastHour,
  })
  const requests = recent.reduce((sum, point) => sum + point.requests, 0)
  const serverErrors = recent.reduce((sum, point) => sum + point.serverErrors, 0)
  const state = performanceState()
  const current = state.current
  return {
    generatedAt: now.toISOString(),
    instance: state.instanceId,
    params: query,
    range: { from: from.toISOString(), to: to.toISOString(), minutesWithData: shown.length },
    summary: {
      ...health,
      minutes: SUMMARY_MINUTES,
      requests,
      serverErrors,
      errorRate: requests > 0 ? serverErrors / requests : null,
      latencyP95: Math.max(0, ...recent.filter((point) => point.requests > 0).map((point) => point.latencyP95 ?? 0)) || null,
      anomalies: anomalies.filter((anomaly) => anomaly.minute >= recentFrom).length,
      jobsFailedLastHour,
    },
    anomalies,
    predictions,
    seasonality: detectSeasonality(hourly, daily),
    routes,
    series: shown,
    live: {
      minute: new Date(current.startedAt).toISOString(),
      requests: current.latency.total,
      serverErrors: current.serverErrors,
      dbQueries: current.db.total,
      rssBytes: process.memoryUsage.rss(),
      heapUsedBytes: process.memoryUsage().heapUsed,
    },
  }
}

export type PerformanceReport = Awaited<ReturnType<typeof buildPerformanceReport>>
