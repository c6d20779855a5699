import { sql } from '@payloadcms/db-postgres'

import type { SqlExecutor } from '../db/sqlExecutor'
import { PROJECT_STATUSES } from '../projects/statusFlow'
import type { BiRange } from './biParams'
import { revenueSeries, timeInStatus, topPricingTiers, type RevenuePoint, type StatusStay, type TierRevenue } from './biReports'

/**
 * The figures that grow with the business (revenue, revenue per tier, status stays) read
 * from the per-day rollups the database keeps (migrations/…_bi_daily_rollups.ts says how
 * they stay right). Each gives exactly what its counterpart in biReports.ts computes from
 * the tables, which stays the fallback whenever a month of the range is being written.
 */

type Row = Record<string, unknown>
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

async function rows(db: SqlExecutor, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await db.execute(query)).rows
}

/**
 * Computes the range's missing days; true when every day is now there. False when a write
 * touching one of its months is still in flight: the caller then reads the tables.
 */
export async function fillRollups(db: SqlExecutor, range: BiRange): Promise<boolean> {
  const [row] = await rows(db, sql`SELECT bi_fill_days(${range.from}::date, ${range.toExclusive}::date) AS complete`)
  return row?.complete === true
}

async function revenueFromRollups(db: SqlExecutor, range: BiRange): Promise<RevenuePoint[]> {
  const unit = sql.raw(`'1 ${range.granularity}'`)
  const result = await rows(
    db,
    sql`
    WITH periods AS (
      SELECT period, greatest(period::date, ${range.from}::date) AS starts, least((period + ${unit}::interval)::date, ${range.toExclusive}::date) AS ends
      FROM generate_series(date_trunc(${range.granularity}, ${range.from}::timestamp), ${range.to}::timestamp, ${unit}::interval) AS period
    )
    SELECT to_char(p.period, 'YYYY-MM-DD') AS period, coalesce(sum(d.revenue), 0) AS revenue, coalesce(sum(d.paid_invoices), 0)::int AS invoices
    FROM periods p LEFT JOIN bi_days d ON d.day >= p.starts AND d.day < p.ends
    GROUP BY p.period ORDER BY p.period`,
  )
  return result.map((row) => ({ period: String(row.period), revenue: num(row.revenue), invoices: num(row.invoices) }))
}

async function tiersFromRollups(db: SqlExecutor, range: BiRange, limit: number): Promise<TierRevenue[]> {
  const result = await rows(
    db,
    sql`
    SELECT t.id, t.name, sum(d.invoices)::int AS invoices, sum(d.revenue) AS revenue
    FROM bi_day_tiers d JOIN pricing t ON t.id = d.tier_id
    WHERE d.day >= ${range.from}::date AND d.day < ${range.toExclusive}::date
    GROUP BY t.id, t.name ORDER BY sum(d.revenue) DESC, t.id LIMIT ${limit}`,
  )
  return result.map((row) => ({ tierId: num(row.id), name: String(row.name), invoices: num(row.invoices), revenue: num(row.revenue) }))
}

async function staysFromRollups(db: SqlExecutor, range: BiRange, now: Date): Promise<StatusStay[]> {
  const result = await rows(
    db,
    sql`
    SELECT status, sum(stays)::int AS stays, sum(ongoing)::int AS ongoing,
      (sum(closed_seconds) + sum(ongoing) * extract(epoch FROM ${now.toISOString()}::timestamptz) - sum(ongoing_started)) / sum(stays) / 86400 AS average_days
    FROM bi_day_stays
    WHERE day >= ${range.from}::date AND day < ${range.toExclusive}::date
    GROUP BY status`,
  )
  const byStatus = new Map(result.map((row) => [String(row.status), row]))
  return PROJECT_STATUSES.map((status) => {
    const row = byStatus.get(status)
    return { status, stays: num(row?.stays), ongoing: num(row?.ongoing), averageDays: row ? Math.round(Number(row.average_days) * 100) / 100 : null }
  })
}

/**
 * The range's three daily figures: from the rollups, or from the tables when a month of the
 * range could not be computed because a write to it is in flight.
 */
export type DailyFigures = {
  fromRollups: boolean
  revenueSeries: () => Promise<RevenuePoint[]>
  topPricingTiers: (limit?: number) => Promise<TierRevenue[]>
  timeInStatus: (now: Date) => Promise<StatusStay[]>
}

export async function dailyFigures(db: SqlExecutor, range: BiRange): Promise<DailyFigures> {
  if (await fillRollups(db, range)) {
    return {
      fromRollups: true,
      revenueSeries: () => revenueFromRollups(db, range),
      topPricingTiers: (limit = 5) => tiersFromRollups(db, range, limit),
      timeInStatus: (now) => staysFromRollups(db, range, now),
    }
  }
  return {
    fromRollups: false,
    revenueSeries: () => revenueSeries(db, range),
    topPricingTiers: (limit = 5) => topPricingTiers(db, range, limit),
    timeInStatus: (now) => timeInStatus(db, range, now),
  }
}
