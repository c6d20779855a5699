import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

const GUARDED = Symbol.for('jasaweb.poolErrorsGuarded')

/**
 * A database restart or failover terminates the pool's connections; pg reports that as an
 * 'error' event, on the pool for an idle connection and on the connection itself for one in
 * use (a transaction cut off). An EventEmitter with no 'error' listener throws it, which would
 * take the whole process down. With these listeners the failed query fails its request (503,
 * hooks/mapDatabaseInputErrors.ts) and the pool opens new connections on the next query.
 * Installed for every Payload instance (server.ts's and the one inside Next's bundle) from the
 * config's onInit.
 */
export function guardPoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: Pool & { [GUARDED]?: true } }).pool
  if (!pool || pool[GUARDED]) return
  pool[GUARDED] = true
  const report = (error: Error & { code?: string }) =>
    payload.logger.warn({ code: error.code, message: error.message }, 'database connection lost; the pool reconnects on the next query')
  pool.on('error', report)
  pool.on('connect', (client: PoolClient) => client.on('error', report))
}
