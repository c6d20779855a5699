import { sql } from '@payloadcms/db-postgres'

import type { BiRange } from '../bi/biParams'
import type { SqlExecutor } from '../db/sqlExecutor'
import { PROJECT_TYPES } from '../fields/projectType'
import { PROJECT_STATUSES } from '../projects/statusFlow'

/**
 * The BI summary the way it would be without SQL aggregation: every row it reads loaded
 * (the columns it needs, through the same pool), then the same figures counted in JS. The
 * benchmark's baseline, and its check that the SQL gives the same numbers. Loaded with
 * Payload's driver, as the app's reports are; bench-only code, imported after Payload starts.
 */
type Row = Record<string, unknown>

const JAKARTA_OFFSET = '+07:00'
const DAY_MS = 86_400_000
const toMs = (value: unknown): number => (value instanceof Date ? value.getTime() : Date.parse(String(value)))
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

export type LoadedRows = { invoices: Row[]; users: Row[]; projects: Row[]; history: Row[]; pricing: Row[] }

export async function loadSummaryRows(db: SqlExecutor): Promise<LoadedRows> {
  const [invoices, users, projects, history, pricing] = await Promise.all([
    db.execute(sql`SELECT id, project_id, amount, status, due_date, paid_at FROM invoices`),
    db.execute(sql`SELECT id, role, created_at FROM users`),
    db.execute(sql`SELECT id, owner_id, status, type, pricing_tier_id FROM projects`),
    db.execute(sql`SELECT _parent_id, _order, "to", at FROM projects_status_history`),
    db.execute(sql`SELECT id, name FROM pricing`),
  ])
  return { invoices: invoices.rows, users: users.rows, projects: projects.rows, history: history.rows, pricing: pricing.rows }
}

/** The summary report's body (bi/biReportBuilders.ts), from loaded rows. */
export function summaryFromRows(rows: LoadedRows, range: BiRange, now: Date): Record<string, unknown> {
  const start = Date.parse(`${range.from}T00:00:00${JAKARTA_OFFSET}`)
  const end = Date.parse(`${range.toExclusive}T00:00:00${JAKARTA_OFFSET}`)
  const inRange = (ms: number) => ms >= start && ms < end
  const nowMs = now.getTime()

  const projectById = new Map(rows.projects.map((project) => [num(project.id), project]))
  let revenue = 0
  let paidInvoices = 0
  const owed = { amount: 0, invoices: 0, overdueAmount: 0, overdueInvoices: 0 }
  const payingOwners = new Set<number>()
  const tiers = new Map<number, { invoices: number; revenue: number }>()
  for (const invoice of rows.invoices) {
    const amount = num(invoice.amount)
    if (invoice.status === 'unpaid') {
      owed.amount += amount
      owed.invoices += 1
      if (toMs(invoice.due_date) < nowMs) {
        owed.overdueAmount += amount
        owed.overdueInvoices += 1
      }
      continue
    }
    if (invoice.status !== 'paid') continue
    const project = projectById.get(num(invoice.project_id))
    if (project) payingOwners.add(num(project.owner_id))
    if (invoice.paid_at === null || !inRange(toMs(invoice.paid_at))) continue
    revenue += amount
    paidInvoices += 1
    if (project) {
      const tier = tiers.get(num(project.pricing_tier_id)) ?? { invoices: 0, revenue: 0 }
      tier.invoices += 1
      tier.revenue += amount
      tiers.set(num(project.pricing_tier_id), tier)
    }
  }

  let registered = 0
  let paying = 0
  for (const user of rows.users) {
    if (user.role !== 'client' || !inRange(toMs(user.created_at))) continue
    registered += 1
    if (payingOwners.has(num(user.id))) paying += 1
  }
  const conversion = { registered, paying, rate: registered === 0 ? null : paying / registered }

  const byStatus = Object.fromEntries(PROJECT_STATUSES.map((status) => [status, 0])) as Record<string, number>
  const byType = Object.fromEntries(PROJECT_TYPES.map((type) => [type, 0])) as Record<string, number>
  for (const project of rows.projects) {
    byStatus[String(project.status)]! += 1
    byType[String(project.type)]! += 1
  }

  // Each entry lasts until its project's next one (by _order), or until now.
  const entriesByProject = new Map<number, Row[]>()
  for (const entry of rows.history) {
    const list = entriesByProject.get(num(entry._parent_id))
    if (list) list.push(entry)
    else entriesByProject.set(num(entry._parent_id), [entry])
  }
  const stays = new Map<string, { stays: number; ongoing: number; totalMs: number }>()
  for (const entries of entriesByProject.values()) {
    entries.sort((a, b) => num(a._order) - num(b._order))
    entries.forEach((entry, index) => {
      const at = toMs(entry.at)
      if (!inRange(at)) return
      const next = entries[index + 1]
      const stay = stays.get(String(entry.to)) ?? { stays: 0, ongoing: 0, totalMs: 0 }
      stay.stays += 1
      if (!next) stay.ongoing += 1
      stay.totalMs += (next ? toMs(next.at) : nowMs) - at
      stays.set(String(entry.to), stay)
    })
  }
  const timeInStatus = PROJECT_STATUSES.map((status) => {
    const stay = stays.get(status)
    return { status, stays: stay?.stays ?? 0, ongoing: stay?.ongoing ?? 0, averageDays: stay ? Math.round((stay.totalMs / stay.stays / DAY_MS) * 100) / 100 : null }
  })

  const tierNames = new Map(rows.pricing.map((tier) => [num(tier.id), String(tier.name)]))
  const topPricingTiers = [...tiers]
    .map(([tierId, tier]) => ({ tierId, name: tierNames.get(tierId) ?? '', invoices: tier.invoices, revenue: tier.revenue }))
    .sort((a, b) => b.revenue - a.revenue || a.tierId - b.tierId)
    .slice(0, 5)

  return {
    range: { from: range.from, to: range.to, granularity: range.granularity, timeZone: 'Asia/Jakarta' },
    revenue,
    paidInvoices,
    newClients: registered,
    conversionRate: conversion.rate,
    conversion,
    receivables: owed,
    projectsByStatus: byStatus,
    projectsByType: byType,
    timeInStatus,
    topPricingTiers,
  }
}
