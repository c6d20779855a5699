import { sql } from '@payloadcms/db-postgres'

import type { SqlExecutor } from './sqlExecutor'

export type Statement = ReturnType<typeof sql>

/**
 * Runs several data-modifying statements as one: each becomes a CTE of a single WITH, so the
 * lot costs one round trip. Under load a round trip waits its turn in a busy event loop, and
 * a transaction's latency is its number of round trips. Each statement must end in
 * RETURNING; the rows of each come back in the statement's position. The statements run
 * against one snapshot and cannot see each other's writes, so they must touch disjoint rows
 * and not read what another one writes (PostgreSQL's rule for data-modifying CTEs).
 */
export async function executeTogether(db: SqlExecutor, statements: readonly Statement[]): Promise<Record<string, unknown>[][]> {
  if (statements.length === 0) return []
  const ctes = sql.join(statements.map((statement, index) => sql`${sql.raw(`s${index}`)} as (${statement})`), sql`, `)
  const rows = sql.join(statements.map((_, index) => sql.raw(`select ${index} as s, to_jsonb(s${index}) as r from s${index}`)), sql` union all `)
  const result = await db.execute(sql`with ${ctes} ${rows}`)
  const byStatement = statements.map(() => [] as Record<string, unknown>[])
  for (const row of result.rows) byStatement[Number(row.s)]!.push(row.r as Record<string, unknown>)
  return byStatement
}
