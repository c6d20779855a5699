import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

/** Something that runs a drizzle `sql` query: a transaction's connection or the pool. */
export type SqlExecutor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
type Adapter = { sessions?: Record<string, { db: SqlExecutor }>; drizzle: SqlExecutor }

/**
 * The connection of `req`'s transaction when it has one, else the pool. For the few
 * queries that are one row or one aggregate in SQL but a whole document through the Local API.
 */
export async function sqlExecutor(payload: Payload, req?: PayloadRequest): Promise<SqlExecutor> {
  const adapter = payload.db as unknown as Adapter
  const transactionID = req ? await req.transactionID : undefined
  return (transactionID !== undefined && adapter.sessions?.[String(transactionID)]?.db) || adapter.drizzle
}
