import QRCode from 'qrcode'
import type { PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { Forbidden, InvoiceNotPayable, NotFound, Unauthorized } from '../lib/errors'
import { getConfig } from '../lib/env'
import type { Invoice } from '../payload-types'
import { payments } from './gateway'
import { newOrderId } from './orderId'
import { withInvoiceLock } from './withInvoiceLock'

export type PaymentAttemptView = {
  invoiceId: number
  invoiceNumber: string
  amount: number
  orderId: string
  qrString: string
  /** SVG data URL rendered from qr_string, ready for an <img> at any size. */
  qrImage: string
  qrUrl: string | null
  expiresAt: string
  reused: boolean
  simulated: boolean
}

type Attempt = NonNullable<Invoice['paymentAttempts']>[number]

/** A pending attempt with at least this much time left is shown again instead of charging anew. */
const REUSE_MARGIN_MS = 30_000

async function view(invoice: Invoice, attempt: Attempt, reused: boolean): Promise<PaymentAttemptView> {
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number ?? String(invoice.id),
    amount: invoice.amount,
    orderId: attempt.orderId,
    qrString: attempt.qrString ?? '',
    qrImage: `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(attempt.qrString ?? '', { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).toString('base64')}`,
    qrUrl: attempt.qrUrl ?? null,
    expiresAt: attempt.expiresAt ?? new Date().toISOString(),
    reused,
    simulated: payments().simulated,
  }
}

/**
 * The owner of an unpaid invoice asks to pay it: a still-valid pending QRIS attempt is
 * returned as is; otherwise a new Core API charge is made with a fresh order id and recorded
 * on the invoice. Runs under the invoice's lock, so double clicks never create two charges,
 * and if Midtrans fails nothing is written.
 */
export async function startInvoicePayment(req: PayloadRequest, invoiceId: number, now = new Date()): Promise<PaymentAttemptView> {
  const { user, payload } = req
  if (!user) throw new Unauthorized('Masuk dulu untuk membayar tagihan.')
  if (!hasRole(user, 'client')) throw new Forbidden('Hanya pemilik tagihan yang dapat membayarnya.')

  // Only the database work holds the invoice lock; rendering the QR happens after it.
  const { invoice, attempt, reused } = await withInvoiceLock(req, invoiceId, async () => {
    const invoice = await payload.findByID({ collection: 'invoices', id: invoiceId, req, overrideAccess: false, user, depth: 0, disableErrors: true })
    if (!invoice) throw new NotFound(`Tagihan ${invoiceId} tidak ditemukan.`)
    if (invoice.status !== 'unpaid') throw new InvoiceNotPayable(`Tagihan ${invoice.number} berstatus "${invoice.status}" dan tidak bisa dibayar.`)
    if (invoice.amount < 1) throw new InvoiceNotPayable(`Tagihan ${invoice.number} tidak memiliki jumlah yang harus dibayar.`)

    const attempts = invoice.paymentAttempts ?? []
    const live = attempts.findLast(
      (attempt) => attempt.midtransStatus === 'pending' && attempt.expiresAt && new Date(attempt.expiresAt).getTime() - now.getTime() > REUSE_MARGIN_MS,
    )
    if (live) return { invoice, attempt: live, reused: true }

    const config = getConfig()
    const orderId = newOrderId(invoice.number ?? `INV-${invoice.id}`, attempts.length + 1)
    const charge = await payments().gateway.charge({
      payment_type: 'qris',
      transaction_details: { order_id: orderId, gross_amount: invoice.amount },
      item_details: [{ id: invoice.number ?? String(invoice.id), name: `Tagihan ${invoice.number ?? invoice.id}`.slice(0, 50), price: invoice.amount, quantity: 1 }],
      customer_details: { first_name: user.name?.slice(0, 50), email: user.email },
      qris: { acquirer: 'gopay' },
      custom_expiry: { expiry_duration: config.PAYMENT_EXPIRY_MINUTES, unit: 'minute' },
    })
    // Midtrans' QRIS charge does not reliably return expiry_time: keep our own deadline.
    const attempt: Attempt = {
      orderId,
      transactionId: charge.transaction_id ?? null,
      qrString: charge.qr_string ?? '',
      qrUrl: charge.actions?.find((action) => action.name === 'generate-qr-code')?.url ?? null,
      expiresAt: new Date(now.getTime() + config.PAYMENT_EXPIRY_MINUTES * 60_000).toISOString(),
      midtransStatus: charge.transaction_status ?? 'pending',
      createdAt: now.toISOString(),
    }
    const updated = await payload.update({
      collection: 'invoices',
      id: invoice.id,
      data: { paymentAttempts: [...attempts, attempt] },
      req,
      overrideAccess: true,
      depth: 0,
    })
    return { invoice: updated, attempt, reused: false }
  })
  return view(invoice, attempt, reused)
}
