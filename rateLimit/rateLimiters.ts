import { Redis } from 'ioredis'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import type { RateLimitPolicies, RateLimitPolicy, RateLimitPolicyName } from './rateLimitPolicies'

export type RateLimitVerdict = {
  policy: RateLimitPolicyName
  allowed: boolean
  limit: number
  remaining: number
  /** Seconds until the window resets. */
  resetSeconds: number
}

export type RateLimiters = {
  consume: (policy: RateLimitPolicyName, key: string) => Promise<RateLimitVerdict>
  policies: RateLimitPolicies
  close: () => Promise<void>
}

/**
 * One limiter per policy. With REDIS_URL the counts are shared by every instance (Redis), with
 * a per-process memory limiter as insurance: while Redis is down each instance limits on its
 * own instead of failing requests or letting everything through. Without it, memory only.
 */
export function createRateLimiters(policies: RateLimitPolicies, options: { redisUrl?: string; keyPrefix: string }): RateLimiters {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }).on('error', () => undefined) : undefined
  const make = (policy: RateLimitPolicy): RateLimiterAbstract => {
    const shape = { points: policy.points, duration: policy.durationSeconds, keyPrefix: `${options.keyPrefix}:${policy.name}` }
    const memory = new RateLimiterMemory(shape)
    return redis ? new RateLimiterRedis({ ...shape, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory
  }
  const limiters = Object.fromEntries(Object.values(policies).map((policy) => [policy.name, make(policy)])) as Record<RateLimitPolicyName, RateLimiterAbstract>

  return {
    policies,
    async consume(name, key) {
      const limit = policies[name].points
      const verdict = (result: RateLimiterRes, allowed: boolean): RateLimitVerdict => ({
        policy: name,
        allowed,
        limit,
        remaining: Math.max(0, result.remainingPoints),
        resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
      })
      try {
        return verdict(await limiters[name].consume(key), true)
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return verdict(rejection, false)
        // The store failed and its insurance too: let the request through rather than fail it.
        return { policy: name, allowed: true, limit, remaining: limit, resetSeconds: policies[name].durationSeconds }
      }
    },
    async close() {
      redis?.disconnect()
    },
  }
}
