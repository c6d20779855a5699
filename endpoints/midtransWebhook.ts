import type { IncomingMessage, ServerResponse } from 'node:http'
import { APIError, type Endpoint, type Payload, type PayloadHandler } from 'payload'

import { errorResponse } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { midtransWebhookDoc } from '../openapi/docs/paymentDocs'
import { applyPaymentNotification } from '../payments/applyPaymentNotification'

export const MIDTRANS_WEBHOOK_PATH = '/api/webhooks/midtrans'
const MAX_BODY_BYTES = 64 * 1024
const tooLarge = () => errorResponse(new APIError('Notification body is too large.', 413, undefined, true))

/**
 * 200 once handled (or a harmless duplicate), 4xx for forged or malformed notifications,
 * 503 when Midtrans' status API cannot confirm yet, so Midtrans retries later.
 */
async function receive(payload: Payload, raw: string): Promise<Response> {
  try {
    const outcome = await applyPaymentNotification(payload, raw)
    return Response.json({ ok: true, result: outcome.result }, { status: outcome.status })
  } catch (error) {
    return errorResponse(error)
  }
}

/** POST /api/webhooks/midtrans as a Payload endpoint (used when Next serves the API alone). */
const handler: PayloadHandler = async (req) => {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooLarge()
  const raw = typeof req.text === 'function' ? await req.text() : ''
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return tooLarge()
  return receive(req.payload, raw)
}

export const midtransWebhookEndpoint: Endpoint = documented({ path: '/webhooks/midtrans', method: 'post', handler }, midtransWebhookDoc)

/**
 * The same route served by `server.ts` before Next sees the request. Notifications carry no
 * session and need no page rendering, so skipping Next's router and Payload's per-request
 * set-up (auth, i18n, preferences) was most of a notification's cost. Same function, same
 * answers, raw body read here with the same limit.
 */
export async function serveMidtransWebhook(payload: Payload, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const send = async (answer: Response) => {
    response.writeHead(answer.status, { 'content-type': 'application/json' })
    response.end(await answer.text())
  }
  try {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return await send(tooLarge())
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of request) {
      size += (chunk as Buffer).length
      if (size > MAX_BODY_BYTES) return await send(tooLarge())
      chunks.push(chunk as Buffer)
    }
    await send(await receive(payload, Buffer.concat(chunks).toString('utf8')))
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Midtrans notification failed' })
    if (!response.headersSent) await send(errorResponse(new APIError('Notification could not be processed; retry later.', 503, undefined, true)))
  }
}
