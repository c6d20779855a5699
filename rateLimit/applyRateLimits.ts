import { classifyRequest, type RequestShape } from './classifyRequest'
import type { RateLimiters, RateLimitVerdict } from './rateLimiters'
import type { RequestIdentity } from './requestIdentity'

export type RateLimitOutcome = { verdicts: RateLimitVerdict[]; refused: RateLimitVerdict | null; headers: Record<string, string> }

/**
 * Spends the request's budgets (route-specific first, then the general one) and says what
 * to answer: the headers describe the tightest budget, and a refusal names the one exceeded.
 * A refused route budget does not spend the general one.
 */
export async function applyRateLimits(limiters: RateLimiters, shape: RequestShape, identity: RequestIdentity | null, ip: string): Promise<RateLimitOutcome> {
  const verdicts: RateLimitVerdict[] = []
  for (const name of classifyRequest(shape, identity)) {
    const key = limiters.policies[name].keyBy === 'user' && identity ? `user:${identity.userId}` : `ip:${ip}`
    const verdict = await limiters.consume(name, key)
    verdicts.push(verdict)
    if (!verdict.allowed) break
  }
  if (verdicts.length === 0) return { verdicts, refused: null, headers: {} }
  const refused = verdicts.find((verdict) => !verdict.allowed) ?? null
  const shown = refused ?? verdicts.reduce((tightest, verdict) => (verdict.remaining < tightest.remaining ? verdict : tightest))
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(shown.limit),
    'x-ratelimit-remaining': String(shown.remaining),
    'x-ratelimit-reset': String(shown.resetSeconds),
  }
  if (refused) headers['retry-after'] = String(refused.resetSeconds)
  return { verdicts, refused, headers }
}
