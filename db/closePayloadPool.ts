import type pg from 'pg'
import type { Payload } from 'payload'

type PoolInternals = pg.Pool & { _clients?: (pg.PoolClient & { release?: (destroy?: boolean) => void })[]; _idle?: { client: unknown }[] }

/**
 * payload.destroy() leaves db-postgres' pool open, and the adapter keeps one client checked
 * out forever (its reconnect watcher), so pool.end() alone never resolves. Release it, then end.
 */
export async function closePayloadPool(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: PoolInternals }).pool
  // A connection still opening or in use while the database goes away (a stopping embedded
  // server, a test database dropped) reports 57P01 on the pool: expected now, not a crash.
  pool?.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') payload.logger.error({ err: error }, 'database pool error while closing')
  })
  await payload.destroy().catch(() => undefined)
  if (!pool) return
  const idle = new Set((pool._idle ?? []).map((entry) => entry.client))
  for (const client of pool._clients ?? []) {
    if (!idle.has(client)) client.release?.(true)
  }
  await pool.end().catch(() => undefined)
}
