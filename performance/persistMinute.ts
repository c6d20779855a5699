import { sql } from '@payloadcms/db-postgres'

import type { SqlExecutor } from '../db/sqlExecutor'
import type { MinuteRow } from './rollUpMinute'

/** Stores one minute: one INSERT, not a Local API create (hooks, validation, a re-read) every minute. */
export async function persistMinute(db: SqlExecutor, row: MinuteRow): Promise<void> {
  await db.execute(sql`
    INSERT INTO performance_metrics (
      minute, instance, requests, server_errors, client_errors,
      latency_mean, latency_p50, latency_p95, latency_p99, latency_max,
      db_queries, db_errors, db_mean, db_p95, db_max,
      event_loop_lag_mean, event_loop_lag_p99, event_loop_lag_max,
      rss_bytes, heap_used_bytes, sockets, jobs_completed, jobs_failed, routes, jobs)
    VALUES (
      ${row.minute}, ${row.instance}, ${row.requests}, ${row.serverErrors}, ${row.clientErrors},
      ${row.latencyMean}, ${row.latencyP50}, ${row.latencyP95}, ${row.latencyP99}, ${row.latencyMax},
      ${row.dbQueries}, ${row.dbErrors}, ${row.dbMean}, ${row.dbP95}, ${row.dbMax},
      ${row.eventLoopLagMean}, ${row.eventLoopLagP99}, ${row.eventLoopLagMax},
      ${row.rssBytes}, ${row.heapUsedBytes}, ${row.sockets}, ${row.jobsCompleted}, ${row.jobsFailed},
      ${JSON.stringify(row.routes)}::jsonb, ${JSON.stringify(row.jobs)}::jsonb)`)
}

/** Deletes minutes older than the retention (every instance's); returns how many went. */
export async function pruneMinutes(db: SqlExecutor, retentionDays: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString()
  const { rows } = await db.execute(sql`
    WITH gone AS (DELETE FROM performance_metrics WHERE minute < ${cutoff} RETURNING 1)
    SELECT count(*)::int AS deleted FROM gone`)
  return Number(rows[0]?.deleted ?? 0)
}
