import type { Endpoint, PayloadHandler } from 'payload'

import { errorResponse } from '../lib/errors'
import { applyPaymentNotification } from '../payments/applyPaymentNotification'

const MAX_BODY_BYTES = 64 * 1024

/**
 * POST /api/webhooks/midtrans. Reads the raw body (the signature covers the strings as sent).
 * 200 once handled (or a harmless duplicate), 4xx for forged or malformed notifications,
 * 503 when Midtrans' status API cannot confirm yet, so Midtrans retries later.
 */
const handler: PayloadHandler = async (req) => {
  try {
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      return Response.json({ errors: [{ message: 'Notification body is too large.' }] }, { status: 413 })
    }
    const raw = typeof req.text === 'function' ? await req.text() : ''
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return Response.json({ errors: [{ message: 'Notification body is too large.' }] }, { status: 413 })
    const outcome = await applyPaymentNotification(req, raw)
    return Response.json({ ok: true, result: outcome.result }, { status: outcome.status })
  } catch (error) {
    return errorResponse(error)
  }
}

export const midtransWebhookEndpoint: Endpoint = { path: '/webhooks/midtrans', method: 'post', handler }
