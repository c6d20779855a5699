/**
 * The per-day BI rollups (migrations/…_bi_daily_rollups.ts, bi/biRollups.ts): after every
 * kind of write — through Payload and straight in SQL — the figures read from the rollups
 * are exactly those computed from the tables, and a month with a write in flight is read
 * from the tables instead of being stored stale.
 */
import pg from 'pg'

import { BI_TIME_ZONE, type BiRange } from '../../../bi/biParams'
import { revenueSeries, timeInStatus, topPricingTiers } from '../../../bi/biReports'
import { dailyFigures } from '../../../bi/biRollups'
import { sqlExecutor, type SqlExecutor } from '../../../db/sqlExecutor'
import type { Invoice, Pricing, Project, User } from '../../../payload-types'
import { createProject, createTier, createUser, moveProjectTo } from '../../helpers/fixtures'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'

let ctx: TestContext
let db: SqlExecutor
let client: User
const tiers: Pricing[] = []
const made: { project: Project; invoice: Invoice }[] = []
const now = new Date('2025-07-01T00:00:00Z')

const range = (from: string, to: string, granularity: BiRange['granularity']): BiRange => {
  const toExclusive = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return { from, to, toExclusive, granularity }
}
const RANGES = [range('2025-01-01', '2025-06-30', 'month'), range('2025-01-27', '2025-03-09', 'week'), range('2025-01-30', '2025-02-02', 'day')]

/** Every figure of every range, from the rollups, equal to the same figure from the tables. */
async function expectRollupsMatchTables(): Promise<void> {
  for (const within of RANGES) {
    const daily = await dailyFigures(db, within)
    expect(daily.fromRollups).toBe(true)
    expect(await daily.revenueSeries()).toEqual(await revenueSeries(db, within))
    expect(await daily.topPricingTiers()).toEqual(await topPricingTiers(db, within))
    expect(await daily.timeInStatus(now)).toEqual(await timeInStatus(db, within, now))
  }
}

const payAt = (invoice: Invoice, at: string, amount?: number) =>
  ctx.sql(`UPDATE invoices SET status = 'paid', paid_at = $1, amount = coalesce($2, amount) WHERE id = $3`, [at, amount ?? null, invoice.id])
const storedDays = async (from: string, to: string) =>
  (await ctx.sql<{ day: string }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM bi_days WHERE day >= $1 AND day <= $2 ORDER BY day`, [from, to])).map((row) => row.day)
const revenueOf = async (within: BiRange) => (await (await dailyFigures(db, within)).revenueSeries()).reduce((sum, point) => sum + point.revenue, 0)

beforeAll(async () => {
  ctx = await createTestPayload()
  db = await sqlExecutor(ctx.payload)
  client = await createUser(ctx.payload, 'client', 'Klien Rollup')
  tiers.push(await createTier(ctx.payload, 2_000_000), await createTier(ctx.payload, 5_000_000))
  for (let index = 0; index < 6; index += 1) made.push(await createProject(ctx.payload, client, tiers[index % 2]!, `Rollup ${index}`))
  // Paid around the January/February boundary in Jakarta (17:00 UTC is midnight WIB), and in spring.
  await payAt(made[0]!.invoice, '2025-01-31T16:30:00Z', 1_000_000)
  await payAt(made[1]!.invoice, '2025-01-31T17:30:00Z', 2_000_000)
  await payAt(made[2]!.invoice, '2025-03-15T05:00:00Z', 3_000_000)
  await payAt(made[3]!.invoice, '2025-05-20T05:00:00Z', 4_000_000)
  // Status moves, then their history back-dated into the ranges (Payload rewrites these rows on every update).
  for (const { project } of made.slice(0, 4)) await moveProjectTo(ctx.payload, project, 'review')
  await ctx.sql(`UPDATE projects_status_history SET at = timestamptz '2025-01-30T03:00:00Z' + (_order * interval '9 days') + (_parent_id * interval '1 hour')`)
})
afterAll(async () => ctx?.close())

describe('BI rollups', () => {
  it('compute the days a report asks for, and give what the tables give', async () => {
    await expectRollupsMatchTables()
    expect(await storedDays('2025-01-01', '2025-06-30')).toHaveLength(181)
    const january = (await (await dailyFigures(db, RANGES[0]!)).revenueSeries())[0]
    // 16:30 UTC on 31 January is 23:30 WIB: January's. 17:30 UTC is 00:30 WIB on 1 February.
    expect(january).toEqual({ period: '2025-01-01', revenue: 1_000_000, invoices: 1 })
  })

  it('use Jakarta days, as the reports do', async () => {
    const [row] = await ctx.sql<{ zone: string }>('SELECT bi_time_zone() AS zone')
    expect(row!.zone).toBe(BI_TIME_ZONE)
  })

  it('forget a day when an invoice of it is paid, changed or unpaid, and count it again when read', async () => {
    const spring = range('2025-03-01', '2025-05-31', 'month')
    const before = await revenueOf(spring)
    await payAt(made[4]!.invoice, '2025-04-10T05:00:00Z', 700_000)
    expect(await storedDays('2025-04-10', '2025-04-10')).toEqual([])
    expect(await revenueOf(spring)).toBe(before + 700_000)
    await ctx.sql('UPDATE invoices SET amount = 900000 WHERE id = $1', [made[4]!.invoice.id])
    expect(await revenueOf(spring)).toBe(before + 900_000)
    await ctx.sql(`UPDATE invoices SET status = 'unpaid', paid_at = NULL WHERE id = $1`, [made[4]!.invoice.id])
    expect(await revenueOf(spring)).toBe(before)
    await expectRollupsMatchTables()
  })

  it('keep a day whose invoices changed in nothing a figure reads', async () => {
    await expectRollupsMatchTables()
    await ctx.sql(`UPDATE invoices SET due_date = due_date + interval '1 day' WHERE id = $1`, [made[2]!.invoice.id])
    expect(await storedDays('2025-03-15', '2025-03-15')).toEqual(['2025-03-15'])
  })

  it('move revenue between tiers when a project changes tier through Payload', async () => {
    // Rollup 2 was created on the first tier.
    const project = made[2]!.project
    const to = tiers[1]!
    await ctx.payload.update({ collection: 'projects', id: project.id, data: { pricingTier: to.id }, overrideAccess: true })
    const moved = await (await dailyFigures(db, range('2025-03-15', '2025-03-15', 'day'))).topPricingTiers()
    expect(moved).toEqual([{ tierId: to.id, name: to.name, invoices: 1, revenue: 3_000_000 }])
    await expectRollupsMatchTables()
  })

  it('close the previous stay when a project moves on, and follow back-dated history', async () => {
    const project = made[4]!.project
    await moveProjectTo(ctx.payload, project, 'in_progress')
    await ctx.sql(`UPDATE projects_status_history SET at = timestamptz '2025-02-01T01:00:00Z' + (_order * interval '2 days') WHERE _parent_id = $1`, [project.id])
    await expectRollupsMatchTables()
    const stays = await (await dailyFigures(db, RANGES[0]!)).timeInStatus(now)
    expect(stays.find((stay) => stay.status === 'in_progress')!.ongoing).toBeGreaterThan(0)
    await moveProjectTo(ctx.payload, { ...project, status: 'in_progress' }, 'review')
    await expectRollupsMatchTables()
  })

  it('follow deletions: invoices, a project, and a pricing tier once nothing uses it', async () => {
    await ctx.payload.delete({ collection: 'invoices', where: { project: { equals: made[0]!.project.id } }, overrideAccess: true })
    await expectRollupsMatchTables()
    await ctx.payload.delete({ collection: 'projects', id: made[0]!.project.id, overrideAccess: true })
    await expectRollupsMatchTables()
    await ctx.payload.update({ collection: 'projects', where: { pricingTier: { equals: tiers[1]!.id } }, data: { pricingTier: tiers[0]!.id }, overrideAccess: true })
    await ctx.payload.delete({ collection: 'pricing', id: tiers[1]!.id, overrideAccess: true })
    await expectRollupsMatchTables()
  })

  it('leave a month with a write in flight to the tables, and store nothing for it until it commits', async () => {
    await ctx.sql('DELETE FROM bi_days')
    const writer = new pg.Client({ connectionString: ctx.databaseUrl })
    await writer.connect()
    try {
      await writer.query('BEGIN')
      await writer.query('UPDATE invoices SET amount = amount + 1 WHERE id = $1', [made[3]!.invoice.id])
      const during = await dailyFigures(db, RANGES[0]!)
      expect(during.fromRollups).toBe(false)
      // The committed figures, from the tables; May (the writer's month) not stored, the other months stored.
      expect(await during.revenueSeries()).toEqual(await revenueSeries(db, RANGES[0]!))
      expect(await storedDays('2025-05-01', '2025-05-31')).toEqual([])
      expect(await storedDays('2025-04-01', '2025-04-30')).toHaveLength(30)
      await writer.query('COMMIT')
    } finally {
      await writer.end()
    }
    const after = await dailyFigures(db, RANGES[0]!)
    expect(after.fromRollups).toBe(true)
    expect((await after.revenueSeries()).find((point) => point.period === '2025-05-01')!.revenue).toBe(4_000_001)
    await expectRollupsMatchTables()
  })

  it('forget everything when a table is truncated', async () => {
    await expectRollupsMatchTables()
    await ctx.sql('TRUNCATE invoices CASCADE')
    expect(await storedDays('2025-01-01', '2025-12-31')).toEqual([])
    expect(await revenueOf(RANGES[0]!)).toBe(0)
    await expectRollupsMatchTables()
  })
})
