import type { Endpoint, PayloadHandler } from 'payload'

import { errorResponse } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { simulatePaymentDoc } from '../openapi/docs/paymentDocs'
import { parseId } from '../lib/http'
import { simulatePayment } from '../payments/simulatePayment'

/** POST /api/invoices/:id/simulate-payment — demo mode only. */
const handler: PayloadHandler = async (req) => {
  try {
    const outcome = await simulatePayment(req, parseId(req.routeParams?.id, 'invoice id'))
    return Response.json({ ok: true, result: outcome.result }, { status: outcome.status })
  } catch (error) {
    return errorResponse(error)
  }
}

export const simulatePaymentEndpoint: Endpoint = documented({ path: '/:id/simulate-payment', method: 'post', handler }, simulatePaymentDoc)
