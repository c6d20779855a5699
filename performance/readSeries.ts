import { sql } from '@payloadcms/db-postgres'

import type { SqlExecutor } from '../db/sqlExecutor'
import type { RouteFigure } from './rollUpMinute'

/**
 * One minute of the whole deployment: every instance's row for that minute together. Counts
 * add up; a percentile cannot be merged, so the worst instance's stands for the minute, and
 * memory is the largest instance's (a sum would jump whenever an instance starts).
 */
export type MinutePoint = {
  minute: string
  instances: number
  requests: number
  serverErrors: number
  clientErrors: number
  latencyMean: number | null
  latencyP95: number | null
  latencyP99: number | null
  dbQueries: number
  dbP95: number | null
  eventLoopLagP99: number | null
  rssBytes: number | null
  heapUsedBytes: number | null
  sockets: number
  jobsCompleted: number
  jobsFailed: number
}

/** A count per hour or per day, for cycles; periods without rows count 0 (the server was not running). */
export type PeriodCount = { period: string; requests: number }

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** The minutes from `from` (included) to `to` (excluded), oldest first. */
export async function readMinuteSeries(db: SqlExecutor, from: Date, to: Date): Promise<MinutePoint[]> {
  const { rows } = await db.execute(sql`
    SELECT minute, count(*)::int AS instances,
      sum(requests)::float8 AS requests, sum(server_errors)::float8 AS server_errors, sum(client_errors)::float8 AS client_errors,
      (sum(latency_mean * requests) / nullif(sum(requests) FILTER (WHERE latency_mean IS NOT NULL), 0))::float8 AS latency_mean,
      max(latency_p95)::float8 AS latency_p95, max(latency_p99)::float8 AS latency_p99,
      sum(db_queries)::float8 AS db_queries, max(db_p95)::float8 AS db_p95, max(event_loop_lag_p99)::float8 AS event_loop_lag_p99,
      max(rss_bytes)::float8 AS rss_bytes, max(heap_used_bytes)::float8 AS heap_used_bytes, sum(sockets)::float8 AS sockets,
      sum(jobs_completed)::float8 AS jobs_completed, sum(jobs_failed)::float8 AS jobs_failed
    FROM performance_metrics
    WHERE minute >= ${from.toISOString()} AND minute < ${to.toISOString()}
    GROUP BY minute ORDER BY minute`)
  return rows.map((row) => ({
    minute: new Date(row.minute as string).toISOString(),
    instances: Number(row.instances),
    requests: Number(row.requests),
    serverErrors: Number(row.server_errors),
    clientErrors: Number(row.client_errors),
    latencyMean: numberOrNull(row.latency_mean),
    latencyP95: numberOrNull(row.latency_p95),
    latencyP99: numberOrNull(row.latency_p99),
    dbQueries: Number(row.db_queries),
    dbP95: numberOrNull(row.db_p95),
    eventLoopLagP99: numberOrNull(row.event_loop_lag_p99),
    rssBytes: numberOrNull(row.rss_bytes),
    heapUsedBytes: numberOrNull(row.heap_used_bytes),
    sockets: Number(row.sockets),
    jobsCompleted: Number(row.jobs_completed),
    jobsFailed: Number(row.jobs_failed),
  }))
}

/**
 * Requests per hour or per day (UTC) from the first recorded period after `from` to the one
 * holding `to`, gaps filled with 0 by generate_series so a lag of 24 is always 24 hours.
 */
export async function readRequestCounts(db: SqlExecutor, unit: 'hour' | 'day', from: Date, to: Date): Promise<PeriodCount[]> {
  const step = unit === 'hour' ? '1 hour' : '1 day'
  const { rows } = await db.execute(sql`
    WITH counts AS (
      SELECT date_trunc(${unit}, minute AT TIME ZONE 'UTC') AS period, sum(requests)::float8 AS requests
      FROM performance_metrics WHERE minute >= ${from.toISOString()} AND minute < ${to.toISOString()}
      GROUP BY 1),
    span AS (SELECT min(period) AS first, max(period) AS last FROM counts)
    SELECT to_char(series.period, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS period, coalesce(counts.requests, 0)::float8 AS requests
    FROM span, generate_series(span.first, span.last, ${step}::interval) AS series(period)
    LEFT JOIN counts ON counts.period = series.period
    ORDER BY series.period`)
  return rows.map((row) => ({ period: String(row.period), requests: Number(row.requests) }))
}

/** The busiest routes from `from` to `to`, every instance's minutes together (a route's p95 is its worst minute's). */
export async function readTopRoutes(db: SqlExecutor, from: Date, to: Date, limit = 10): Promise<RouteFigure[]> {
  const { rows } = await db.execute(sql`
    SELECT r.method, r.route, sum(r.requests)::float8 AS requests, sum(r.errors)::float8 AS errors,
      (sum(r.mean * r.requests) / nullif(sum(r.requests), 0))::float8 AS mean, max(r.p95)::float8 AS p95
    FROM performance_metrics, jsonb_to_recordset(routes) AS r(method text, route text, requests float8, errors float8, mean float8, p95 float8)
    WHERE minute >= ${from.toISOString()} AND minute < ${to.toISOString()}
    GROUP BY r.method, r.route
    ORDER BY requests DESC, r.route
    LIMIT ${limit}`)
  return rows.map((row) => ({ method: String(row.method), route: String(row.route), requests: Number(row.requests), errors: Number(row.errors), mean: Number(row.mean ?? 0), p95: Number(row.p95 ?? 0) }))
}
