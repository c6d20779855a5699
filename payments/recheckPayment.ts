import type { PayloadRequest } from 'payload'

import { isAdmin } from '../access/roles'
import { Forbidden, InvoiceNotPayable, NotFound } from '../lib/errors'
import { applyConfirmedStatus } from './confirmedStatusQueue'
import { payments } from './gateway'

/**
 * An admin asks Midtrans for the latest state of an invoice's newest attempt (a missed
 * notification, a customer who says they paid) and applies it like a notification would.
 */
export async function recheckPayment(req: PayloadRequest, invoiceId: number): Promise<{ orderId: string; status: string; result: string }> {
  if (!isAdmin(req.user)) throw new Forbidden('Hanya admin yang dapat memeriksa ulang pembayaran.')
  const invoice = await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!invoice) throw new NotFound(`Tagihan ${invoiceId} tidak ditemukan.`)
  const attempt = (invoice.paymentAttempts ?? []).at(-1)
  if (!attempt) throw new InvoiceNotPayable('Tagihan ini belum pernah dibayar lewat QRIS: tidak ada yang bisa diperiksa.')
  const confirmed = await payments().gateway.status(attempt.orderId)
  const status = String(confirmed.transaction_status ?? '')
  const fraudStatus = typeof confirmed.fraud_status === 'string' ? confirmed.fraud_status : undefined
  const actor = { id: Number(req.user!.id), email: req.user!.email ?? 'admin' }
  const result = await applyConfirmedStatus(req.payload, { invoiceId, orderId: attempt.orderId, status, fraudStatus, raw: confirmed, source: 'admin re-check', actor })
  return { orderId: attempt.orderId, status, result }
}
