import { z } from 'zod'

import type { EndpointDoc } from '../endpointDoc'

/** Midtrans' own answer shape: every field a string, more fields than we name. */
const midtransAnswer = z.looseObject({ status_code: z.string(), status_message: z.string().optional() })
const simulatorNote = "Demo mode only (no MIDTRANS_SERVER_KEY; never in production): the built-in QRIS simulator answers Midtrans' Core API, so midtrans-client talks to it over HTTP as it would to Midtrans. Basic auth with the simulator's server key."

function simulatorDoc(summary: string, body?: z.ZodType): EndpointDoc {
  return {
    tag: 'Demo',
    summary,
    description: simulatorNote,
    access: 'anyone',
    ...(body ? { body } : {}),
    params: summary.includes('charge') ? undefined : z.object({ id: z.string().min(1).meta({ description: 'Order id or transaction id' }) }),
    responses: {
      200: { description: "Midtrans' answer (status_code inside may be 201, 404, 407…)", schema: midtransAnswer },
      400: { description: 'Body not JSON or an invalid charge', schema: midtransAnswer },
      401: { description: 'Wrong or missing server key', schema: midtransAnswer },
      404: { description: 'The simulator is off, or no such transaction', schema: midtransAnswer },
      406: { description: 'The order id was already paid', schema: midtransAnswer },
    },
  }
}

export const simulatorChargeDoc = simulatorDoc('Simulator: create a QRIS charge', z.looseObject({ payment_type: z.literal('qris'), transaction_details: z.looseObject({ order_id: z.string(), gross_amount: z.number() }) }))
export const simulatorStatusDoc = simulatorDoc('Simulator: transaction status')
export const simulatorCancelDoc = simulatorDoc('Simulator: cancel a transaction')
