import { z } from 'zod'

import { notificationSchema } from '../../payments/applyPaymentNotification'
import type { EndpointDoc } from '../endpointDoc'
import { isoDateTime, serialId } from '../schemas/common'

const paymentAttempt = z.object({
  invoiceId: serialId,
  invoiceNumber: z.string(),
  amount: z.number().int().meta({ description: 'Rupiah' }),
  orderId: z.string(),
  qrString: z.string().meta({ description: 'The QRIS payload to render as a QR code' }),
  qrImage: z.string().meta({ description: 'The QR code as an SVG data URL' }),
  qrUrl: z.string().nullable(),
  expiresAt: isoDateTime,
  reused: z.boolean().meta({ description: 'The still-valid pending QRIS was returned instead of a new charge' }),
  simulated: z.boolean().meta({ description: 'Demo mode: the built-in Midtrans simulator, not Midtrans' }),
})

const notificationOutcome = z.object({ ok: z.literal(true), result: z.string() })

export const payInvoiceDoc: EndpointDoc = {
  tag: 'Payments',
  summary: 'Pay an invoice by QRIS',
  description: 'The invoice owner (or an admin) gets a QRIS code from Midtrans; a pending one with time left is returned again instead of charging anew. The invoice turns paid when Midtrans notifies (POST /api/webhooks/midtrans).',
  access: 'user',
  responses: {
    200: { description: 'The pending QRIS, reused', schema: paymentAttempt },
    201: { description: 'A new QRIS charge', schema: paymentAttempt },
    409: { description: 'The invoice cannot be paid (already paid, cancelled, expired)' },
    502: { description: 'Midtrans refused the charge' },
  },
}

export const recheckPaymentDoc: EndpointDoc = {
  tag: 'Payments',
  summary: "Ask Midtrans again for an invoice's latest payment",
  description: "Admins: reads the newest QRIS attempt's status from Midtrans' status API and applies it, as a notification would.",
  access: 'admin',
  responses: {
    200: { description: "Midtrans' status and what was applied", schema: z.object({ orderId: z.string(), status: z.string(), result: z.string() }) },
    409: { description: 'The invoice was never paid by QRIS' },
    502: { description: 'Midtrans refused the request' },
  },
}

export const simulatePaymentDoc: EndpointDoc = {
  tag: 'Demo',
  summary: "Demo mode: pay an invoice's pending QRIS",
  description: 'Only without MIDTRANS_SERVER_KEY: the built-in simulator settles the pending QRIS and sends the signed notification Midtrans would.',
  access: 'user',
  responses: {
    200: { description: 'The notification was applied', schema: notificationOutcome },
    404: { description: 'The simulator is off (real Midtrans keys), or no such invoice' },
    409: { description: 'No pending QRIS to pay' },
  },
}

export const midtransWebhookDoc: EndpointDoc = {
  tag: 'Payments',
  summary: 'Midtrans HTTP notification',
  description:
    "Midtrans' payment notification. The signature (SHA-512 of order_id, status_code, gross_amount and the server key) is verified, the amount checked, and the status confirmed with Midtrans' status API before it is applied; duplicates are harmless. At most 64 KB.",
  access: 'midtrans',
  body: notificationSchema,
  responses: {
    200: { description: 'Handled, or a harmless duplicate', schema: notificationOutcome },
    401: { description: 'The signature does not match' },
    404: { description: 'Unknown order id' },
    400: { description: "Not JSON, malformed, or the amount does not match the invoice's" },
    413: { description: 'The body is larger than 64 KB' },
    503: { description: "Midtrans' status API could not confirm yet: Midtrans retries later" },
  },
}
