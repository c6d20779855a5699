import type { RateLimitPolicyName } from './rateLimitPolicies'
import type { RequestIdentity } from './requestIdentity'

export type RequestShape = { method: string; path: string; isServerAction: boolean }

const PAY_PATH = /^\/api(?:\/v1)?\/invoices\/[^/]+\/pay$/

/** The route's own strict budget, if it has one (the API route or the site form that does the same). */
function routePolicy({ method, path, isServerAction }: RequestShape): RateLimitPolicyName | null {
  if (method !== 'POST') return null
  if (path === '/api/users/login' || (isServerAction && path === '/masuk')) return 'login'
  if (path === '/api/users' || (isServerAction && path === '/daftar')) return 'register'
  if (path === '/api/users/forgot-password' || path === '/api/users/reset-password' || (isServerAction && (path === '/lupa-password' || path === '/reset-password'))) {
    return 'passwordReset'
  }
  if (PAY_PATH.test(path)) return 'pay'
  return null
}

/** Whether a request spends any budget at all (checked first: most requests are pages and assets). */
export function isCounted(shape: RequestShape): boolean {
  return shape.path.startsWith('/api/') || shape.isServerAction
}

/**
 * The budgets a request spends, most specific first. The Midtrans webhook spends only its
 * own. Only the API and form posts are counted: pages, assets and the admin's own bundles
 * are not where abuse costs anything, and Next serves them from cache.
 */
export function classifyRequest(shape: RequestShape, identity: RequestIdentity | null): RateLimitPolicyName[] {
  if (!isCounted(shape)) return []
  if (shape.method === 'POST' && shape.path === '/api/webhooks/midtrans') return ['webhook']
  const general: RateLimitPolicyName = identity === null ? 'anonymous' : identity.role === 'admin' ? 'admin' : 'user'
  const route = routePolicy(shape)
  return route ? [route, general] : [general]
}
