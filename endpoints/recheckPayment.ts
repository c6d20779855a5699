import type { Endpoint, PayloadHandler } from 'payload'

import { errorResponse } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { recheckPaymentDoc } from '../openapi/docs/paymentDocs'
import { parseId } from '../lib/http'
import { recheckPayment } from '../payments/recheckPayment'

/** POST /api/invoices/:id/recheck-payment — admins: ask Midtrans again and apply the answer. */
const handler: PayloadHandler = async (req) => {
  try {
    return Response.json(await recheckPayment(req, parseId(req.routeParams?.id, 'invoice id')))
  } catch (error) {
    return errorResponse(error)
  }
}

export const recheckPaymentEndpoint: Endpoint = documented({ path: '/:id/recheck-payment', method: 'post', handler }, recheckPaymentDoc)
