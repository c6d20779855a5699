import type { AppConfig } from '../lib/env'

/** Every budget in one place: who is counted (the key), how many requests, over how long. */
export type RateLimitPolicy = { name: RateLimitPolicyName; points: number; durationSeconds: number; keyBy: 'ip' | 'user' }

export const RATE_LIMIT_POLICY_NAMES = ['anonymous', 'user', 'admin', 'login', 'register', 'passwordReset', 'pay', 'webhook'] as const
export type RateLimitPolicyName = (typeof RATE_LIMIT_POLICY_NAMES)[number]

export type RateLimitPolicies = Record<RateLimitPolicyName, RateLimitPolicy>

export function rateLimitPolicies(config: AppConfig): RateLimitPolicies {
  return {
    // The general budgets: per IP until someone logs in, then per account (a school's office
    // behind one NAT address is many users), admins more since the admin UI is chatty.
    anonymous: { name: 'anonymous', points: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, durationSeconds: 60, keyBy: 'ip' },
    user: { name: 'user', points: config.RATE_LIMIT_USER_PER_MINUTE, durationSeconds: 60, keyBy: 'user' },
    admin: { name: 'admin', points: config.RATE_LIMIT_ADMIN_PER_MINUTE, durationSeconds: 60, keyBy: 'user' },
    // Stricter budgets on the routes an attacker aims at, on top of the general one.
    login: { name: 'login', points: config.RATE_LIMIT_LOGIN_PER_15_MINUTES, durationSeconds: 15 * 60, keyBy: 'ip' },
    register: { name: 'register', points: config.RATE_LIMIT_REGISTER_PER_HOUR, durationSeconds: 60 * 60, keyBy: 'ip' },
    passwordReset: { name: 'passwordReset', points: config.RATE_LIMIT_PASSWORD_RESET_PER_HOUR, durationSeconds: 60 * 60, keyBy: 'ip' },
    pay: { name: 'pay', points: config.RATE_LIMIT_PAY_PER_MINUTE, durationSeconds: 60, keyBy: 'user' },
    // Midtrans' notifications come from a few addresses in bursts (and its retries): their own budget, not the anonymous one.
    webhook: { name: 'webhook', points: config.RATE_LIMIT_WEBHOOK_PER_MINUTE, durationSeconds: 60, keyBy: 'ip' },
  }
}
