import type { Payload } from 'payload'
import { z } from 'zod'

import { APIError } from 'payload'
import { payments } from './gateway'
import { applyConfirmedStatus, lookUpAttempt } from './confirmedStatusQueue'
import { insertPaymentEvent, type PaymentEventRecord } from './paymentRecords'
import { sqlExecutor } from '../db/sqlExecutor'
import { notificationSignature, signatureMatches } from './signature'

/** The fields we rely on; Midtrans adds new ones over time, so the rest passes through. */
export const notificationSchema = z
  .object({
    order_id: z.string().min(1).max(100),
    status_code: z.string().regex(/^\d{3}$/),
    gross_amount: z.string().regex(/^\d{1,15}(\.\d{1,2})?$/),
    signature_key: z.string().regex(/^[0-9a-f]{128}$/i),
    transaction_status: z.string().min(1).max(40),
    fraud_status: z.string().max(40).optional(),
    transaction_id: z.string().max(100).optional(),
  })
  .passthrough()

export type NotificationOutcome = { status: number; result: string }

class NotificationRejected extends APIError {
  constructor(message: string, status: number) {
    super(message, status, undefined, true)
    this.name = 'NotificationRejected'
  }
}

async function recordEvent(payload: Payload, event: PaymentEventRecord): Promise<void> {
  await insertPaymentEvent(await sqlExecutor(payload), event)
}

/**
 * One Midtrans HTTP notification, as raw text. Verified (signature over the strings as
 * received, constant-time), matched to its attempt, its amount checked, its status confirmed
 * with Midtrans' status API (which wins), then applied under the invoice's lock in one
 * transaction: each status moves forward only, and only the first move to paid pays.
 * Every notification is recorded in payment-events with what became of it.
 */
export async function applyPaymentNotification(payload: Payload, rawBody: string): Promise<NotificationOutcome> {
  let json: unknown
  try {
    json = JSON.parse(rawBody)
  } catch {
    await recordEvent(payload, { verified: false, result: 'rejected: body is not JSON', raw: { body: rawBody.slice(0, 10_000) } })
    throw new NotificationRejected('Notification body is not valid JSON.', 400)
  }
  const parsed = notificationSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    await recordEvent(payload, { verified: false, result: `rejected: malformed (${problems})`.slice(0, 200), raw: json })
    throw new NotificationRejected(`Malformed notification: ${problems}`, 400)
  }
  const notification = parsed.data
  const base = { orderId: notification.order_id, transactionStatus: notification.transaction_status, raw: json }

  const expected = notificationSignature(notification.order_id, notification.status_code, notification.gross_amount, payments().serverKey)
  if (!signatureMatches(notification.signature_key.toLowerCase(), expected)) {
    await recordEvent(payload, { ...base, verified: false, result: 'rejected: signature mismatch' })
    throw new NotificationRejected('Invalid signature.', 401)
  }

  const found = await lookUpAttempt(payload, notification.order_id)
  if (!found) {
    await recordEvent(payload, { ...base, verified: true, result: 'rejected: unknown order id' })
    throw new NotificationRejected(`Unknown order_id ${notification.order_id}.`, 404)
  }
  // Compared apart from the signature: with fee imposition Midtrans signs a different amount.
  if (Number(notification.gross_amount) !== found.amount) {
    await recordEvent(payload, { ...base, verified: true, invoice: found.invoiceId, result: `rejected: amount ${notification.gross_amount} ≠ invoice ${found.amount}` })
    throw new NotificationRejected('gross_amount does not match the invoice.', 400)
  }

  // Never act on the notification alone: Midtrans' status API is the truth.
  let confirmed
  try {
    confirmed = await payments().gateway.status(notification.order_id)
  } catch (error) {
    await recordEvent(payload, { ...base, verified: true, invoice: found.invoiceId, result: 'deferred: status API unavailable' })
    throw error
  }
  const status = String(confirmed.transaction_status ?? '')
  const fraudStatus = typeof confirmed.fraud_status === 'string' ? confirmed.fraud_status : undefined

  const result = await applyConfirmedStatus(payload, { invoiceId: found.invoiceId, orderId: notification.order_id, status, fraudStatus, raw: json })
  return { status: 200, result }
}
