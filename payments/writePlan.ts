import type { PayloadRequest } from 'payload'

import { executeTogether, type Statement } from '../db/executeTogether'
import { sqlExecutor } from '../db/sqlExecutor'
import { auditInsert, type AuditEntry } from '../hooks/recordAudit'
import { emitAfterCommit, notificationsInsert, type EventInput } from '../realtime/publish'
import { invalidateBiAfterCommit } from '../bi/invalidateOnChange'

/** A payment transaction's writes, decided in memory: row changes, audit rows, events for clients. */
export type WritePlan = { statements: Statement[]; audits: AuditEntry[]; events: EventInput[] }

export const emptyPlan = (): WritePlan => ({ statements: [], audits: [], events: [] })

export function mergePlans(...plans: WritePlan[]): WritePlan {
  return {
    statements: plans.flatMap((plan) => plan.statements),
    audits: plans.flatMap((plan) => plan.audits),
    events: plans.flatMap((plan) => plan.events),
  }
}

/** Writes a plan on `req`'s transaction in one round trip; its events go out after the commit. */
export async function writePlan(req: PayloadRequest, plan: WritePlan): Promise<void> {
  const statements = [...plan.statements]
  if (plan.audits.length > 0) statements.push(auditInsert(plan.audits))
  const eventsAt = plan.events.length > 0 ? statements.push(notificationsInsert(plan.events)) - 1 : -1
  const results = await executeTogether(await sqlExecutor(req.payload, req), statements)
  if (eventsAt >= 0) emitAfterCommit(req, plan.events, results[eventsAt]!)
  // Invoices and projects changed in SQL, past the collections' hooks.
  if (plan.statements.length > 0) invalidateBiAfterCommit(req)
}
