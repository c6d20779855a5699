import { sql } from '@payloadcms/db-postgres'
import type { SQL } from '@payloadcms/db-postgres/drizzle'

import type { SqlExecutor } from '../db/sqlExecutor'
import { PROJECT_TYPES } from '../fields/projectType'
import { PROJECT_STATUSES } from '../projects/statusFlow'
import { BI_TIME_ZONE, type BiRange } from './biParams'

/**
 * The BI figures, each one SQL aggregation (Jakarta-time periods as ranges over indexed
 * timestamps): no report loads the rows it counts. Ranges are Jakarta dates, `from`
 * and `to` included; `now` is passed in so open stays and overdue invoices are reproducible.
 */

type Row = Record<string, unknown>
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

/** The range's start and end as instants: midnight in Jakarta. */
const rangeStart = (range: BiRange) => sql`(${range.from}::timestamp AT TIME ZONE ${BI_TIME_ZONE})`
const rangeEnd = (range: BiRange) => sql`(${range.toExclusive}::timestamp AT TIME ZONE ${BI_TIME_ZONE})`

/**
 * Every period of the range (empty ones too, so they show as zero rather than missing), with
 * its bounds as instants: Jakarta midnight, clipped to the range.
 */
const periods = (range: BiRange) => sql`
  SELECT period,
    greatest(period AT TIME ZONE ${BI_TIME_ZONE}, ${rangeStart(range)}) AS starts,
    least((period + (${`1 ${range.granularity}`})::interval) AT TIME ZONE ${BI_TIME_ZONE}, ${rangeEnd(range)}) AS ends
  FROM generate_series(date_trunc(${range.granularity}, ${range.from}::timestamp), ${range.to}::timestamp, (${`1 ${range.granularity}`})::interval) AS period`

/**
 * Aggregates per period of the range, empty periods as zero: the rows of `table` (aliased
 * `e`) whose timestamp `at` falls in the period and that meet `where`. Rows are matched to
 * periods by a range on `at` (an index range scan per period), not by bucketing every row in
 * Jakarta time: the same periods, a fraction of the work (bench/bi.ts).
 */
const perPeriod = (range: BiRange, table: SQL, at: SQL, where: SQL, aggregates: SQL) => sql`
  WITH periods AS (${periods(range)})
  SELECT to_char(p.period, 'YYYY-MM-DD') AS period, ${aggregates}
  FROM periods p LEFT JOIN ${table} ON ${at} >= p.starts AND ${at} < p.ends AND ${where}
  GROUP BY p.period ORDER BY p.period`

async function rows(db: SqlExecutor, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await db.execute(query)).rows
}

export type RevenuePoint = { period: string; revenue: number; invoices: number }

export async function revenueSeries(db: SqlExecutor, range: BiRange): Promise<RevenuePoint[]> {
  const result = await rows(
    db,
    perPeriod(range, sql`invoices e`, sql`e.paid_at`, sql`e.status = 'paid'`, sql`coalesce(sum(e.amount), 0) AS revenue, count(e.amount)::int AS invoices`),
  )
  return result.map((row) => ({ period: String(row.period), revenue: num(row.revenue), invoices: num(row.invoices) }))
}

export type Receivables = { amount: number; invoices: number; overdueAmount: number; overdueInvoices: number }

/** What clients owe now: unpaid invoices, and those past their due date. */
export async function receivables(db: SqlExecutor, now: Date): Promise<Receivables> {
  const [row] = await rows(
    db,
    sql`
    SELECT coalesce(sum(amount), 0) AS amount, count(*)::int AS invoices,
      coalesce(sum(amount) FILTER (WHERE due_date < ${now.toISOString()}::timestamptz), 0) AS overdue_amount,
      count(*) FILTER (WHERE due_date < ${now.toISOString()}::timestamptz)::int AS overdue_invoices
    FROM invoices WHERE status = 'unpaid'`,
  )
  return { amount: num(row?.amount), invoices: num(row?.invoices), overdueAmount: num(row?.overdue_amount), overdueInvoices: num(row?.overdue_invoices) }
}

export type UserPoint = { period: string; clients: number; staff: number; totalClients: number }

/** New accounts per period (clients and staff), and the running number of clients. */
export async function userGrowth(db: SqlExecutor, range: BiRange): Promise<{ clientsBefore: number; series: UserPoint[] }> {
  const [[before], result] = await Promise.all([
    rows(db, sql`SELECT count(*)::int AS clients FROM users WHERE role = 'client' AND created_at < ${rangeStart(range)}`),
    rows(
      db,
      perPeriod(
        range,
        sql`users e`,
        sql`e.created_at`,
        sql`true`,
        sql`count(e.role) FILTER (WHERE e.role = 'client')::int AS clients, count(e.role) FILTER (WHERE e.role <> 'client')::int AS staff`,
      ),
    ),
  ])
  const clientsBefore = num(before?.clients)
  let total = clientsBefore
  const series = result.map((row) => {
    total += num(row.clients)
    return { period: String(row.period), clients: num(row.clients), staff: num(row.staff), totalClients: total }
  })
  return { clientsBefore, series }
}

export type Conversion = { registered: number; paying: number; rate: number | null }

/** Clients who registered in the range, and how many of them have paid an invoice since. */
export async function conversion(db: SqlExecutor, range: BiRange): Promise<Conversion> {
  const [row] = await rows(
    db,
    sql`
    SELECT count(*)::int AS registered,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM projects p JOIN invoices i ON i.project_id = p.id WHERE p.owner_id = u.id AND i.status = 'paid'
      ))::int AS paying
    FROM users u
    WHERE u.role = 'client' AND u.created_at >= ${rangeStart(range)} AND u.created_at < ${rangeEnd(range)}`,
  )
  const registered = num(row?.registered)
  const paying = num(row?.paying)
  return { registered, paying, rate: registered === 0 ? null : paying / registered }
}

function countsOf<K extends string>(keys: readonly K[], result: Row[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>
  for (const row of result) if ((keys as readonly string[]).includes(String(row.key))) counts[row.key as K] = num(row.count)
  return counts
}

/** Projects as they stand now, by status and by type. */
export async function projectCounts(db: SqlExecutor) {
  const [byStatus, byType] = await Promise.all([
    rows(db, sql`SELECT status::text AS key, count(*)::int AS count FROM projects GROUP BY status`),
    rows(db, sql`SELECT type::text AS key, count(*)::int AS count FROM projects GROUP BY type`),
  ])
  return { byStatus: countsOf(PROJECT_STATUSES, byStatus), byType: countsOf(PROJECT_TYPES, byType) }
}

export type ProjectPoint = { period: string; created: number }

export async function projectsCreated(db: SqlExecutor, range: BiRange): Promise<ProjectPoint[]> {
  const result = await rows(
    db,
    perPeriod(range, sql`projects e`, sql`e.created_at`, sql`true`, sql`count(e.id)::int AS created`),
  )
  return result.map((row) => ({ period: String(row.period), created: num(row.created) }))
}

export type StatusStay = { status: string; stays: number; ongoing: number; averageDays: number | null }

/**
 * How long projects stay in each status: every history entry that began in the range lasts
 * until the project's next entry, or until `now` while it is still the current one.
 */
export async function timeInStatus(db: SqlExecutor, range: BiRange, now: Date): Promise<StatusStay[]> {
  const result = await rows(
    db,
    sql`
    WITH stays AS (
      SELECT h."to" AS status, h.at, lead(h.at) OVER (PARTITION BY h._parent_id ORDER BY h._order) AS left_at
      FROM projects_status_history h
    )
    SELECT status, count(*)::int AS stays, count(*) FILTER (WHERE left_at IS NULL)::int AS ongoing,
      avg(extract(epoch FROM coalesce(left_at, ${now.toISOString()}::timestamptz) - at)) / 86400 AS average_days
    FROM stays WHERE at >= ${rangeStart(range)} AND at < ${rangeEnd(range)}
    GROUP BY status`,
  )
  const byStatus = new Map(result.map((row) => [String(row.status), row]))
  return PROJECT_STATUSES.map((status) => {
    const row = byStatus.get(status)
    return { status, stays: num(row?.stays), ongoing: num(row?.ongoing), averageDays: row ? Math.round(Number(row.average_days) * 100) / 100 : null }
  })
}

export type TierRevenue = { tierId: number; name: string; invoices: number; revenue: number }

/**
 * The pricing tiers that brought in most in the range (paid invoices of their projects).
 * count(*), not count(i.id): the id is not in the paid-invoice index, and reading it would
 * visit every invoice's row.
 */
export async function topPricingTiers(db: SqlExecutor, range: BiRange, limit = 5): Promise<TierRevenue[]> {
  const result = await rows(
    db,
    sql`
    SELECT t.id, t.name, count(*)::int AS invoices, sum(i.amount) AS revenue
    FROM invoices i JOIN projects p ON p.id = i.project_id JOIN pricing t ON t.id = p.pricing_tier_id
    WHERE i.status = 'paid' AND i.paid_at >= ${rangeStart(range)} AND i.paid_at < ${rangeEnd(range)}
    GROUP BY t.id, t.name ORDER BY sum(i.amount) DESC, t.id LIMIT ${limit}`,
  )
  return result.map((row) => ({ tierId: num(row.id), name: String(row.name), invoices: num(row.invoices), revenue: num(row.revenue) }))
}
