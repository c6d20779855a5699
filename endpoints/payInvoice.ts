import type { Endpoint, PayloadHandler } from 'payload'

import { errorResponse } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { payInvoiceDoc } from '../openapi/docs/paymentDocs'
import { parseId } from '../lib/http'
import { startInvoicePayment } from '../payments/startInvoicePayment'

/** POST /api/invoices/:id/pay — the QRIS to scan, new or the still-valid pending one. */
const handler: PayloadHandler = async (req) => {
  try {
    const invoiceId = parseId(req.routeParams?.id, 'invoice id')
    const attempt = await startInvoicePayment(req, invoiceId)
    return Response.json(attempt, { status: attempt.reused ? 200 : 201 })
  } catch (error) {
    return errorResponse(error)
  }
}

export const payInvoiceEndpoint: Endpoint = documented({ path: '/:id/pay', method: 'post', handler }, payInvoiceDoc)
