import type { PayloadRequest } from 'payload'

import { sqlExecutor } from '../db/sqlExecutor'
import type { AuditEntry } from '../hooks/recordAudit'
import { attemptMoveEvent } from '../realtime/notifyPaymentUpdate'
import { planPaidSideEffects } from './onInvoicePaid'
import { attemptStatusesUpdate, invoicesUpdate, lockAttemptsAndProjects, paymentEventsInsert } from './paymentRecords'
import { planConfirmedStatuses, type ConfirmedStatus, type InvoiceMove } from './planConfirmedStatuses'
import { withInvoiceLocks } from './withInvoiceLock'
import { mergePlans, writePlan, type WritePlan } from './writePlan'

/**
 * Applies confirmed statuses in one transaction holding their invoices' locks: reads the
 * attempts and locks their projects, decides every move in memory (planConfirmedStatuses,
 * planPaidSideEffects), then writes it all in one statement — attempts, invoices, projects
 * and their history, audit rows, receipts to send, the clients' events, and one
 * payment-events row per status with what became of it. Returns the outcomes in order.
 * Five round trips per batch, however many statuses it holds.
 */
export async function applyConfirmedStatuses(req: PayloadRequest, confirmed: readonly ConfirmedStatus[]): Promise<string[]> {
  return withInvoiceLocks(req, confirmed.map((item) => item.invoiceId), async () => {
    const { attempts, projects } = await lockAttemptsAndProjects(await sqlExecutor(req.payload, req), confirmed.map((item) => item.orderId))
    const plan = planConfirmedStatuses(attempts, confirmed)

    const audit = (move: InvoiceMove, what: string): AuditEntry => ({
      action: 'update',
      targetCollection: 'invoices',
      targetId: String(move.invoiceId),
      summary: `changed: ${what} (Midtrans ${move.orderId})`,
      actor: move.actor,
    })
    const rows: WritePlan = {
      statements: [
        ...(plan.attemptStatuses.length > 0 ? [attemptStatusesUpdate(plan.attemptStatuses)] : []),
        ...(plan.invoices.length > 0 ? [invoicesUpdate(plan.invoices)] : []),
        paymentEventsInsert(
          confirmed.map((item, index) => ({
            orderId: item.orderId,
            transactionStatus: item.status,
            verified: true,
            invoice: item.invoiceId,
            result: item.source ? `${item.source}: ${plan.outcomes[index]!}` : plan.outcomes[index]!,
            raw: item.raw,
          })),
        ),
      ],
      audits: [...plan.paid.map((move) => audit(move, 'status, paidAt')), ...plan.refunded.map((move) => audit(move, 'status'))],
      events: plan.attemptMoves.flatMap((move) => {
        const owner = projects.get(move.projectId)?.owner
        if (owner === undefined || owner === null) return []
        const invoice = { id: move.invoiceId, number: move.invoiceNumber, status: move.invoiceStatus, project: move.projectId }
        return [attemptMoveEvent(invoice, { orderId: move.orderId, status: move.status }, { projectId: move.projectId, owner })]
      }),
    }
    const paid = plan.paid.map((move) => {
      const attempt = attempts.get(move.orderId)!
      return { invoice: { id: move.invoiceId, number: attempt.invoiceNumber, project: attempt.projectId }, late: move.late }
    })
    await writePlan(req, mergePlans(rows, planPaidSideEffects(paid, projects)))
    return plan.outcomes
  })
}
