import type { JobCounts, MinuteAccumulator } from './performanceState'
import { summarise } from './summarise'

/** Figures read at the end of the minute rather than accumulated through it. */
export type MinuteGauges = {
  eventLoopLag: { mean: number; p99: number; max: number } | null
  rssBytes: number
  heapUsedBytes: number
  sockets: number
}

export type RouteFigure = { method: string; route: string; requests: number; errors: number; mean: number; p95: number }

/** One minute of one instance, as stored in `performance_metrics` (milliseconds, bytes). */
export type MinuteRow = {
  minute: string
  instance: string
  requests: number
  serverErrors: number
  clientErrors: number
  latencyMean: number | null
  latencyP50: number | null
  latencyP95: number | null
  latencyP99: number | null
  latencyMax: number | null
  dbQueries: number
  dbErrors: number
  dbMean: number | null
  dbP95: number | null
  dbMax: number | null
  eventLoopLagMean: number | null
  eventLoopLagP99: number | null
  eventLoopLagMax: number | null
  rssBytes: number
  heapUsedBytes: number
  sockets: number
  jobsCompleted: number
  jobsFailed: number
  routes: RouteFigure[]
  jobs: Record<string, JobCounts>
}

/** The busiest routes kept per minute: enough to see where time goes, small enough to store every minute. */
export const TOP_ROUTES = 10

export function rollUpMinute(minute: MinuteAccumulator, gauges: MinuteGauges, instance: string): MinuteRow {
  const latency = summarise(minute.latency)
  const db = summarise(minute.db)
  const routes = [...minute.routes.values()]
    .map((route): RouteFigure => {
      const figures = summarise(route.latency)!
      return { method: route.method, route: route.route, requests: figures.count, errors: route.errors, mean: figures.mean, p95: figures.p95 }
    })
    .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route))
    .slice(0, TOP_ROUTES)
  const jobs = Object.fromEntries([...minute.jobs.entries()].sort(([a], [b]) => a.localeCompare(b)))
  const jobTotals = [...minute.jobs.values()].reduce((sum, counts) => ({ completed: sum.completed + counts.completed, failed: sum.failed + counts.failed }), { completed: 0, failed: 0 })
  return {
    minute: new Date(minute.startedAt).toISOString(),
    instance,
    requests: minute.latency.total,
    serverErrors: minute.serverErrors,
    clientErrors: minute.clientErrors,
    latencyMean: latency?.mean ?? null,
    latencyP50: latency?.p50 ?? null,
    latencyP95: latency?.p95 ?? null,
    latencyP99: latency?.p99 ?? null,
    latencyMax: latency?.max ?? null,
    dbQueries: minute.db.total,
    dbErrors: minute.dbErrors,
    dbMean: db?.mean ?? null,
    dbP95: db?.p95 ?? null,
    dbMax: db?.max ?? null,
    eventLoopLagMean: gauges.eventLoopLag?.mean ?? null,
    eventLoopLagP99: gauges.eventLoopLag?.p99 ?? null,
    eventLoopLagMax: gauges.eventLoopLag?.max ?? null,
    rssBytes: gauges.rssBytes,
    heapUsedBytes: gauges.heapUsedBytes,
    sockets: gauges.sockets,
    jobsCompleted: jobTotals.completed,
    jobsFailed: jobTotals.failed,
    routes,
    jobs,
  }
}
