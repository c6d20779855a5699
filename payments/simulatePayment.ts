import type { PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { Forbidden, InvoiceNotPayable, NotFound, Unauthorized } from '../lib/errors'
import { applyPaymentNotification, type NotificationOutcome } from './applyPaymentNotification'
import { payments, simulator } from './gateway'

/**
 * Demo mode's "I have scanned and paid": the simulator settles the invoice's pending QRIS
 * attempt and sends the correctly signed notification through the webhook's own code path.
 */
export async function simulatePayment(req: PayloadRequest, invoiceId: number): Promise<NotificationOutcome> {
  if (!payments().simulated) throw new NotFound('The payment simulator is off: real Midtrans keys are configured.')
  const { user, payload } = req
  if (!user) throw new Unauthorized('Masuk dulu untuk membayar tagihan.')
  if (!hasRole(user, 'client', 'admin')) throw new Forbidden()
  const invoice = await payload.findByID({ collection: 'invoices', id: invoiceId, overrideAccess: false, user, depth: 0, disableErrors: true })
  if (!invoice) throw new NotFound(`Tagihan ${invoiceId} tidak ditemukan.`)
  const attempt = (invoice.paymentAttempts ?? []).findLast((a) => a.midtransStatus === 'pending')
  if (invoice.status !== 'unpaid' || !attempt) throw new InvoiceNotPayable('Mulai pembayaran (Bayar) dulu; tidak ada QRIS yang menunggu dibayar.')
  const notification = simulator().settle(attempt.orderId)
  return applyPaymentNotification(payload, JSON.stringify(notification))
}
