import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Invoice } from '../payload-types'
import { relationId } from './notificationEvents'
import { publishEvent, type EventInput } from './publish'

const INVOICE_STATUS_TEXT: Record<string, string> = {
  unpaid: 'menunggu pembayaran',
  expired: 'kedaluwarsa',
  cancelled: 'dibatalkan',
  refunded: 'dikembalikan (refund)',
}

const ATTEMPT_STATUS_TEXT: Record<string, string> = {
  expire: 'Kode QRIS kedaluwarsa. Buat kode baru untuk membayar.',
  deny: 'Pembayaran QRIS ditolak.',
  cancel: 'Pembayaran QRIS dibatalkan.',
  failure: 'Pembayaran QRIS gagal.',
  refund: 'Pembayaran dikembalikan (refund).',
  partial_refund: 'Sebagian pembayaran dikembalikan (refund).',
}

type InvoiceRef = Pick<Invoice, 'id' | 'number' | 'status' | 'project'>

async function ownerOf(req: PayloadRequest, invoice: InvoiceRef): Promise<{ projectId: number; owner: number } | null> {
  const projectId = relationId(invoice.project)
  if (projectId === null) return null
  const project = await req.payload.findByID({ collection: 'projects', id: projectId, depth: 0, overrideAccess: true, req, disableErrors: true, select: { owner: true } })
  const owner = relationId(project?.owner)
  return owner === null ? null : { projectId, owner }
}

/**
 * A payment attempt's Midtrans status moved without paying (expired, denied, refunded…): a
 * payment_update for the owner. The event is built here; the invoices hook below stores it,
 * and so does the payment path, which moves attempts in SQL.
 */
export function attemptMoveEvent(invoice: InvoiceRef, attempt: { orderId: string; status: string }, target: { projectId: number; owner: number }): EventInput {
  return {
    recipient: target.owner,
    type: 'payment_update',
    priority: 'low',
    title: `Tagihan ${invoice.number}: ${ATTEMPT_STATUS_TEXT[attempt.status] ?? `status pembayaran ${attempt.status}`}`,
    data: { invoiceId: invoice.id, invoiceNumber: invoice.number, projectId: target.projectId, status: invoice.status, orderId: attempt.orderId, attemptStatus: attempt.status },
  }
}

async function publishAttemptMove(req: PayloadRequest, invoice: InvoiceRef, attempt: { orderId: string; status: string }): Promise<void> {
  const target = await ownerOf(req, invoice)
  if (target) await publishEvent(req, attemptMoveEvent(invoice, attempt, target))
}

type Attempt = NonNullable<Invoice['paymentAttempts']>[number]

/** Attempts whose Midtrans status moved (new attempts are the client's own action: no event). */
function movedAttempts(doc: Invoice, previous: Invoice): Attempt[] {
  const before = new Map((previous.paymentAttempts ?? []).map((attempt) => [attempt.orderId, attempt.midtransStatus ?? null]))
  return (doc.paymentAttempts ?? []).filter((attempt) => before.has(attempt.orderId) && before.get(attempt.orderId) !== (attempt.midtransStatus ?? null))
}

/**
 * invoices afterChange: status and payment-attempt changes are payment_update events for
 * the owner (and, through roomsFor, the project's room and the admins). The move to paid is
 * left to payments/onInvoicePaid.ts, whose notification is that event.
 */
export const notifyPaymentUpdate: CollectionAfterChangeHook<Invoice> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context.skipRealtime || !previousDoc || doc.status === 'paid') return doc
  if (doc.status !== previousDoc.status) {
    const target = await ownerOf(req, doc)
    if (target) {
      await publishEvent(req, {
        recipient: target.owner,
        type: 'payment_update',
        priority: 'medium',
        title: `Tagihan ${doc.number}: ${INVOICE_STATUS_TEXT[doc.status] ?? doc.status}`,
        data: { invoiceId: doc.id, invoiceNumber: doc.number, projectId: target.projectId, status: doc.status, from: previousDoc.status },
      })
    }
  }
  for (const attempt of movedAttempts(doc, previousDoc)) await publishAttemptMove(req, doc, { orderId: attempt.orderId, status: attempt.midtransStatus ?? '' })
  return doc
}
