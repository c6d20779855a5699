import type { IncomingMessage, ServerResponse } from 'node:http'

import { performanceState, ROUTE_SAMPLES } from './performanceState'
import { RingBuffer } from './ringBuffer'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
/** What a request the client abandoned before the answer was sent counts as (nginx's code). */
export const CLIENT_CLOSED = 499

export function recordRequest(method: string, url: string, status: number, durationMs: number): void {
  const state = performanceState()
  const minute = state.current
  const label = METHODS.has(method) ? method : 'OTHER'
  const route = state.routes.label(url)
  minute.latency.push(durationMs)
  const failed = status >= 500
  if (failed) minute.serverErrors += 1
  else if (status >= 400) minute.clientErrors += 1
  const key = `${label} ${route}`
  let perRoute = minute.routes.get(key)
  if (!perRoute) {
    perRoute = { method: label, route, errors: 0, latency: new RingBuffer(ROUTE_SAMPLES) }
    minute.routes.set(key, perRoute)
  }
  perRoute.latency.push(durationMs)
  if (failed) perRoute.errors += 1
  state.prom?.httpDuration.observe(`${key} ${status}`, () => ({ method: label, route, status: String(status) }), durationMs / 1000)
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

const STARTED_AT = Symbol('jasaweb.performance.startedAt')
const URL_SEEN = Symbol('jasaweb.performance.url')
type TimedResponse = ServerResponse & { [STARTED_AT]?: number; [URL_SEEN]?: string }

// One shared listener rather than a closure per request: this is the hot path.
function onClose(this: TimedResponse): void {
  const startedAt = this[STARTED_AT]
  if (startedAt === undefined) return
  recordRequest(this.req.method ?? 'GET', this[URL_SEEN] ?? '/', this.writableFinished ? this.statusCode : CLIENT_CLOSED, performance.now() - startedAt)
}

/**
 * Wraps server.ts's request handler: each response's latency, status and route, taken when
 * it closes ('close' follows 'finish' on every response, and alone fires when the client
 * went away first). The URL is read up front: Next rewrites req.url while handling.
 */
export function withRequestMetrics(handler: Handler): Handler {
  return (req, res) => {
    const timed = res as TimedResponse
    timed[STARTED_AT] = performance.now()
    timed[URL_SEEN] = req.url ?? '/'
    timed.on('close', onClose)
    handler(req, res)
  }
}
