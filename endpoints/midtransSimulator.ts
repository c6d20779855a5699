import type { Endpoint, PayloadHandler } from 'payload'

import { simulatorCancelDoc, simulatorChargeDoc, simulatorStatusDoc } from '../openapi/docs/demoDocs'
import { documented } from '../openapi/endpointDoc'
import { payments, simulator } from '../payments/gateway'

/**
 * The built-in QRIS simulator's Core API (demo mode: no MIDTRANS_SERVER_KEY, never in
 * production). midtrans-client talks to it over HTTP exactly as it would to Midtrans.
 */
const handler: PayloadHandler = async (req) => {
  if (!payments().simulated) return Response.json({ status_code: '404', status_message: 'Not found' }, { status: 404 })
  const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^.*\/midtrans-simulator/, '')
  let body: unknown = {}
  if (req.method === 'POST' && typeof req.text === 'function') {
    const text = await req.text()
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      return Response.json({ status_code: '400', status_message: 'Body is not JSON' }, { status: 400 })
    }
  }
  const result = simulator().handle(req.method ?? 'GET', path, req.headers.get('authorization') ?? undefined, body)
  return Response.json(result.body, { status: result.status })
}

export const midtransSimulatorEndpoints: Endpoint[] = [
  documented({ path: '/midtrans-simulator/v2/charge', method: 'post', handler }, simulatorChargeDoc),
  documented({ path: '/midtrans-simulator/v2/:id/status', method: 'get', handler }, simulatorStatusDoc),
  documented({ path: '/midtrans-simulator/v2/:id/cancel', method: 'post', handler }, simulatorCancelDoc),
]
