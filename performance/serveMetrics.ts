import type { IncomingMessage, ServerResponse } from 'node:http'

import { sendJsonError } from '../lib/http'
import { checkBearerToken } from './bearerToken'
import { promMetrics } from './promMetrics'

export const METRICS_PATH = '/metrics'

export function isMetricsRequest(req: IncomingMessage): boolean {
  const url = req.url ?? ''
  return (req.method === 'GET' || req.method === 'HEAD') && (url === METRICS_PATH || url.startsWith(`${METRICS_PATH}?`))
}

function answer(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJsonError(res, status, message, { 'cache-control': 'no-store', ...headers })
}

/**
 * GET /metrics in Prometheus' text format, for a scraper holding METRICS_TOKEN. Without a
 * token configured the endpoint does not exist (404): metrics name routes and load, which
 * are nobody's business by default.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> {
  if (!token) return answer(res, 404, 'Not found.')
  const check = checkBearerToken(req.headers.authorization, token)
  if (check !== 'ok') {
    const message = check === 'missing' ? 'Send the metrics token: "Authorization: Bearer <METRICS_TOKEN>".' : 'The metrics token is wrong.'
    return answer(res, 401, message, { 'www-authenticate': 'Bearer realm="metrics"' })
  }
  const { registry } = promMetrics()
  let body: string
  try {
    body = await registry.metrics()
  } catch (error) {
    // Callers do not await this handler: a failing collector must not become an unhandled
    // rejection. Only the token's holder reads this, so the cause goes in the answer.
    return answer(res, 500, `Collecting the metrics failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : body)
}
