import { Redis } from 'ioredis'
import type { Pool } from 'pg'

import type { JobRunnerHealth } from '../jobs/jobRunner'
import { withTimeout } from './withTimeout'

export type CheckResult = { status: 'ok' | 'fail' | 'skipped'; latencyMs?: number; detail?: string; pending?: string[] }

const CHECK_TIMEOUT_MS = 2_000

const failed = (error: unknown, started: number): CheckResult => ({
  status: 'fail',
  latencyMs: Date.now() - started,
  detail: error instanceof Error ? error.message : String(error),
})

/** The database answers a query through the app's own pool (so a pool that is exhausted or broken fails too). */
export async function checkDatabase(pool: Pool): Promise<CheckResult> {
  const started = Date.now()
  try {
    await withTimeout(pool.query('select 1'), CHECK_TIMEOUT_MS, 'the database')
    return { status: 'ok', latencyMs: Date.now() - started }
  } catch (error) {
    return failed(error, started)
  }
}

/** Every committed migration has run: an instance on a schema older than its code is not ready. */
export async function checkMigrations(pool: Pool, expected: readonly string[]): Promise<CheckResult> {
  const started = Date.now()
  try {
    const { rows } = await withTimeout(pool.query<{ name: string }>('select name from payload_migrations'), CHECK_TIMEOUT_MS, 'the migrations table')
    const applied = new Set(rows.map((row) => row.name))
    const pending = expected.filter((name) => !applied.has(name))
    return pending.length === 0
      ? { status: 'ok', latencyMs: Date.now() - started }
      : { status: 'fail', latencyMs: Date.now() - started, detail: `${pending.length} migration(s) not applied`, pending }
  } catch (error) {
    return failed(error, started)
  }
}

let redisClient: Redis | undefined

/**
 * Redis answers PING (only when REDIS_URL is set). One client per process, no offline queue and
 * no reconnect loop of its own: a down Redis fails fast, and the next check connects afresh.
 */
export async function checkRedis(url: string | undefined): Promise<CheckResult> {
  if (!url) return { status: 'skipped', detail: 'REDIS_URL is not set: one instance, in memory' }
  const started = Date.now()
  redisClient ??= new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: CHECK_TIMEOUT_MS, retryStrategy: () => null }).on('error', () => undefined)
  try {
    if (redisClient.status === 'wait' || redisClient.status === 'end') await withTimeout(redisClient.connect(), CHECK_TIMEOUT_MS, 'Redis')
    await withTimeout(redisClient.ping(), CHECK_TIMEOUT_MS, 'Redis')
    return { status: 'ok', latencyMs: Date.now() - started }
  } catch (error) {
    return failed(error, started)
  }
}

export function closeRedisCheck(): void {
  redisClient?.disconnect()
  redisClient = undefined
}

/**
 * The job runner's loop is turning: its last pass ended within three intervals, or a pass is
 * under way (a long batch is work, not a hang; how long it has run is reported).
 */
export function checkJobRunner(health: JobRunnerHealth | null, now = Date.now()): CheckResult {
  if (!health) return { status: 'skipped', detail: 'JOBS_RUN_IN_SERVER=false: jobs run in pnpm worker' }
  if (health.stopping) return { status: 'fail', detail: 'the job runner is stopping' }
  if (health.tickStartedAt !== null) return { status: 'ok', detail: `a pass has been running for ${now - health.tickStartedAt} ms` }
  const allowedMs = health.intervalMs * 3 + 10_000
  if (health.lastTickEndedAt === null) return { status: 'fail', detail: 'the job runner has not completed a pass yet' }
  const sinceMs = now - health.lastTickEndedAt
  if (sinceMs > allowedMs) return { status: 'fail', detail: `no pass for ${sinceMs} ms (expected every ${health.intervalMs} ms)` }
  return { status: 'ok', detail: `last pass ${sinceMs} ms ago${health.lastError ? `, it failed: ${health.lastError}` : ''}` }
}
