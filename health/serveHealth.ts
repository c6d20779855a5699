import type { IncomingMessage, ServerResponse } from 'node:http'

import { readiness, type ReadinessDeps } from './readiness'

export const HEALTH_PATH = '/api/health'
export const READY_PATH = '/api/ready'

const STARTED_AT = Date.now()

function send(res: ServerResponse, status: number, body: unknown, headOnly: boolean): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json) })
  res.end(headOnly ? undefined : json)
}

/**
 * Liveness and readiness, answered by server.ts before Next (a probe must not depend on the
 * app's router being healthy). Liveness: the process serves requests. Readiness: database,
 * migrations, Redis when configured, the job runner, and not shutting down; 503 with the
 * failing check's detail otherwise. Returns false for any other path.
 */
export function serveHealth(req: IncomingMessage, res: ServerResponse, deps: ReadinessDeps): boolean {
  const path = (req.url ?? '').split('?')[0]
  if (path !== HEALTH_PATH && path !== READY_PATH) return false
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD')
    send(res, 405, { errors: [{ message: `${req.method} is not allowed here; use GET.` }] }, false)
    return true
  }
  const headOnly = req.method === 'HEAD'
  if (path === HEALTH_PATH) {
    send(res, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - STARTED_AT) / 1000), pid: process.pid }, headOnly)
    return true
  }
  readiness(deps).then(
    (result) => send(res, result.status === 'ready' ? 200 : 503, result, headOnly),
    (error: unknown) => send(res, 503, { status: 'not_ready', checks: {}, detail: error instanceof Error ? error.message : String(error) }, headOnly),
  )
  return true
}
