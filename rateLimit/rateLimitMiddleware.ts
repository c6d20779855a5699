import type { IncomingMessage, ServerResponse } from 'node:http'

import { applyRateLimits } from './applyRateLimits'
import { isCounted } from './classifyRequest'
import type { RateLimiters } from './rateLimiters'
import { requestIdentity } from './requestIdentity'
import { sendJsonError } from '../lib/http'

/** Set on a form post that is over its budget: the server action answers it in the form (see rateLimitedFor). */
export const RATE_LIMITED_HEADER = 'x-jasaweb-rate-limited'

/**
 * Runs before Next in server.ts. Spends the request's budgets and puts the X-RateLimit-*
 * headers on the response. Over budget: an API request gets 429 with Retry-After and a JSON
 * error here; a site form post (a server action, which must answer in the page) is passed on
 * marked, and the action tells the visitor when to try again. Returns true when it answered.
 */
export async function rateLimitRequest(req: IncomingMessage, res: ServerResponse, limiters: RateLimiters, jwtKey: Uint8Array, ip: string): Promise<boolean> {
  // Only this middleware may say so.
  delete req.headers[RATE_LIMITED_HEADER]
  const path = (req.url ?? '/').split('?')[0]!
  const shape = { method: req.method ?? 'GET', path, isServerAction: req.method === 'POST' && typeof req.headers['next-action'] === 'string' }
  if (!isCounted(shape)) return false
  const identity = await requestIdentity({ cookie: req.headers.cookie, authorization: req.headers.authorization }, jwtKey)
  const outcome = await applyRateLimits(limiters, shape, identity, ip)
  for (const [name, value] of Object.entries(outcome.headers)) res.setHeader(name, value)
  if (!outcome.refused) return false
  if (shape.isServerAction) {
    req.headers[RATE_LIMITED_HEADER] = String(outcome.refused.resetSeconds)
    return false
  }
  sendJsonError(res, 429, `Terlalu banyak permintaan (${outcome.refused.policy}). Coba lagi dalam ${outcome.refused.resetSeconds} detik.`)
  return true
}

/** In a server action: the seconds to wait when the middleware marked this post as over budget, else null. */
export function rateLimitedFor(headers: { get(name: string): string | null }): number | null {
  const value = Number(headers.get(RATE_LIMITED_HEADER))
  return Number.isFinite(value) && value > 0 ? value : null
}
