import type { Invoice } from '../payload-types'
import type { AttemptRecord } from './paymentRecords'
import { canMove, isPaid } from './transactionStatus'

/** A Midtrans status that the status API confirmed, for one attempt. */
export type ConfirmedStatus = {
  invoiceId: number
  orderId: string
  status: string
  fraudStatus?: string
  raw: unknown
  /** Who asked, when not a Midtrans notification ("admin re-check"); prefixes the recorded result. */
  source?: string
  actor?: { id: number; email: string }
}

export type InvoiceMove = { invoiceId: number; orderId: string; actor?: ConfirmedStatus['actor'] }

export type StatusPlan = {
  /** Per confirmed status, in order: what became of it. */
  outcomes: string[]
  /** The last status each moved attempt reaches. */
  attemptStatuses: { attemptId: string; status: string }[]
  /** Every invoice an attempt of moved on, and its new status when it moved. */
  invoices: { id: number; status: 'paid' | 'refunded' | null }[]
  paid: (InvoiceMove & { late: boolean })[]
  refunded: InvoiceMove[]
  /** Attempt moves that did not pay: the client hears of them. */
  attemptMoves: { invoiceId: number; invoiceNumber: string; invoiceStatus: Invoice['status']; projectId: number; orderId: string; status: string }[]
}

/**
 * What a batch of confirmed statuses does, decided in memory from the locked attempts and
 * their invoices, one after another in arrival order: attempts only move forward (the
 * one-way table in transactionStatus.ts), only the first move to paid pays, a full refund
 * of a paid invoice refunds it. Pure: the caller reads the rows and writes the plan.
 */
export function planConfirmedStatuses(attempts: ReadonlyMap<string, AttemptRecord>, confirmed: readonly ConfirmedStatus[]): StatusPlan {
  const attemptState = new Map<string, string | null>()
  const invoiceState = new Map<number, Invoice['status']>()
  const invoiceMoves = new Map<number, 'paid' | 'refunded' | null>()
  const plan: StatusPlan = { outcomes: [], attemptStatuses: [], invoices: [], paid: [], refunded: [], attemptMoves: [] }

  for (const item of confirmed) {
    const attempt = attempts.get(item.orderId)
    const from = attempt ? (attemptState.has(item.orderId) ? attemptState.get(item.orderId)! : attempt.midtransStatus) : null
    if (!attempt || attempt.invoiceId !== item.invoiceId) {
      plan.outcomes.push(attempt ? `ignored: ${item.orderId} belongs to another invoice` : `ignored: unknown order id ${item.orderId}`)
      continue
    }
    if (!canMove(from, item.status)) {
      plan.outcomes.push(from === item.status ? `duplicate: already ${item.status}` : `ignored: ${from} → ${item.status} would move backwards`)
      continue
    }
    attemptState.set(item.orderId, item.status)
    const invoiceStatus = invoiceState.get(attempt.invoiceId) ?? attempt.invoiceStatus
    if (!invoiceMoves.has(attempt.invoiceId)) invoiceMoves.set(attempt.invoiceId, null)

    if (isPaid(item.status, item.fraudStatus) && invoiceStatus !== 'paid') {
      invoiceState.set(attempt.invoiceId, 'paid')
      invoiceMoves.set(attempt.invoiceId, 'paid')
      const late = from === 'expire'
      plan.paid.push({ invoiceId: attempt.invoiceId, orderId: item.orderId, actor: item.actor, late })
      plan.outcomes.push(late ? 'paid (late payment after expiry)' : 'paid')
      continue
    }
    const refunds = item.status === 'refund' && invoiceStatus === 'paid'
    if (refunds) {
      invoiceState.set(attempt.invoiceId, 'refunded')
      invoiceMoves.set(attempt.invoiceId, 'refunded')
      plan.refunded.push({ invoiceId: attempt.invoiceId, orderId: item.orderId, actor: item.actor })
    }
    plan.attemptMoves.push({
      invoiceId: attempt.invoiceId,
      invoiceNumber: attempt.invoiceNumber,
      invoiceStatus: refunds ? 'refunded' : invoiceStatus,
      projectId: attempt.projectId,
      orderId: item.orderId,
      status: item.status,
    })
    plan.outcomes.push(`attempt ${from ?? 'new'} → ${item.status}${refunds ? ', invoice refunded' : ''}`)
  }

  plan.attemptStatuses = [...attemptState].map(([orderId, status]) => ({ attemptId: attempts.get(orderId)!.attemptId, status: status! }))
  plan.invoices = [...invoiceMoves].map(([id, status]) => ({ id, status }))
  return plan
}
