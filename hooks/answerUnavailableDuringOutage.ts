import { jwtVerify } from 'jose'
import type { AfterErrorHook, Payload, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { DATABASE_UNAVAILABLE, errorAnswer } from './mapDatabaseInputErrors'

/**
 * While the database is down, some failures do not look like it: Payload's JWT strategy
 * swallows the failed user lookup (so a logged-in caller is refused as anonymous: 401/403),
 * and a transaction cut off mid-way can surface as an error with no name (500). The truth is
 * 503, try again shortly: for a refusal, when the caller's token is good (signature, expiry,
 * the CSRF rule for cookies) and looking its user up again fails or finds the user with that
 * session; for a failure, when the database does not answer a `SELECT 1`. (Errors that name
 * the outage are mapped in mapDatabaseInputErrors.ts.)
 */
const PROBE_TIMEOUT_MS = 1000

const SAME_SITE = new Set(['same-origin', 'same-site', 'none'])

/** The token Payload would have used: the Authorization header, or the cookie under Payload's CSRF rule. */
function tokenOf(req: PayloadRequest): string | undefined {
  const fromHeader = /^(?:JWT|Bearer) (\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1]
  if (fromHeader) return fromHeader
  const cookie = /(?:^|;\s*)payload-token=([^;]+)/.exec(req.headers.get('cookie') ?? '')?.[1]
  if (!cookie) return undefined
  const origin = req.headers.get('origin')
  const allowed = origin ? req.payload.config.csrf.includes(origin) : SAME_SITE.has(req.headers.get('sec-fetch-site') ?? '')
  return allowed ? decodeURIComponent(cookie) : undefined
}

/** Whether the caller was refused only because its user could not be read just now. */
async function userLookupFailed(req: PayloadRequest): Promise<boolean> {
  const token = tokenOf(req)
  if (!token) return false
  let claims: Record<string, unknown>
  try {
    claims = { ...(await jwtVerify(token, new TextEncoder().encode(req.payload.secret))).payload }
  } catch {
    return false
  }
  if (claims.collection !== 'users' || (typeof claims.id !== 'number' && typeof claims.id !== 'string')) return false
  try {
    const user = await req.payload.findByID({ collection: 'users', id: claims.id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!user) return false
    const sessions = (user as { sessions?: { id: string }[] | null }).sessions
    return claims.sid === undefined || !sessions || sessions.some((session) => session.id === claims.sid)
  } catch {
    return true
  }
}

export async function databaseAnswers(payload: Payload): Promise<boolean> {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool) return true
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)))
  const probe = pool.query('SELECT 1').then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export const answerUnavailableDuringOutage: AfterErrorHook = async ({ error, req, graphqlResult }) => {
  if (!req?.payload) return
  const status = (error as { status?: unknown } | undefined)?.status
  const refusedAsAnonymous = (status === 401 || status === 403) && !req.user
  const failed = typeof status !== 'number' || status >= 500
  if (refusedAsAnonymous ? !(await userLookupFailed(req)) : !failed || (await databaseAnswers(req.payload))) return
  return errorAnswer(503, DATABASE_UNAVAILABLE, graphqlResult)
}
