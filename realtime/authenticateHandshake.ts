import type { IncomingHttpHeaders } from 'node:http'
import type { Payload } from 'payload'

import type { User } from '../payload-types'
import { handshakeAuthSchema, type RealtimeErrorCode } from './protocol'
import { verifyWebsocketToken } from './websocketToken'

/** A refused handshake: the client's connect_error gets the message and `data.code`. */
export class HandshakeRefused extends Error {
  readonly data: { code: RealtimeErrorCode }
  constructor(code: RealtimeErrorCode, message: string) {
    super(message)
    this.name = 'HandshakeRefused'
    this.data = { code }
  }
}

export type SocketIdentity = {
  user: { id: number; email: string; role: User['role']; createdAt: string }
  sid: string
  /** When the connection must end: the Payload session's end (ms since the epoch). */
  expiresAt: number
  via: 'token' | 'cookie'
  lastEventId?: number
}

type SessionUser = Pick<User, 'id' | 'email' | 'role' | 'createdAt' | 'sessions'>

const FETCH_TOKEN = 'Fetch a new one from GET /api/websocket/token.'

function liveSession(user: SessionUser, sid: string | undefined, now: number): { expiresAt: number } | undefined {
  const session = (user.sessions ?? []).find((candidate) => candidate.id === sid)
  const expiresAt = session ? new Date(session.expiresAt).getTime() : NaN
  return expiresAt > now ? { expiresAt } : undefined
}

function identity(user: SessionUser, sid: string, expiresAt: number, via: SocketIdentity['via']): SocketIdentity {
  return { user: { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt }, sid, expiresAt, via }
}

/** The handshake token: signature and expiry here, then the user and its session through Payload. */
async function fromToken(payload: Payload, token: string, secret: string, now: number): Promise<SocketIdentity> {
  const verdict = verifyWebsocketToken(secret, token, now)
  if (!verdict.ok) {
    if (verdict.reason === 'expired') throw new HandshakeRefused('expired_token', `The token has expired (tokens last 5 minutes). ${FETCH_TOKEN}`)
    throw new HandshakeRefused('bad_token', `The token is not valid. ${FETCH_TOKEN}`)
  }
  const user = (await payload.findByID({
    collection: 'users',
    id: verdict.claims.sub,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { email: true, role: true, createdAt: true, sessions: true },
  })) as SessionUser | null
  if (!user) throw new HandshakeRefused('session_ended', 'This account no longer exists.')
  const session = liveSession(user, verdict.claims.sid, now)
  if (!session) throw new HandshakeRefused('session_ended', 'The session this token came from has ended (logged out or expired). Log in again.')
  return identity(user, verdict.claims.sid, session.expiresAt, 'token')
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return headers
}

/** The `exp` of a JWT we could not use, only to tell "expired" from "invalid" in the message. */
function jwtExpiry(jwt: string | undefined): number | undefined {
  const body = jwt?.split('.')[1]
  if (!body) return undefined
  try {
    const exp = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp * 1000 : undefined
  } catch {
    return undefined
  }
}

function sessionJwt(headers: Headers, cookieName: string): string | undefined {
  const authorization = headers.get('authorization')
  if (authorization?.startsWith('JWT ')) return authorization.slice(4)
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7)
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === cookieName) return decodeURIComponent(value.join('='))
  }
  return undefined
}

/**
 * The Payload session (the cookie a browser sends, or an Authorization header from other
 * clients), verified by Payload itself: signature, expiry, the user, the session still
 * listed (so a logged-out session fails), and for cookies the Origin against the CSRF list.
 */
async function fromSession(payload: Payload, headers: Headers, jwt: string, now: number): Promise<SocketIdentity> {
  const { user } = await payload.auth({ headers })
  const sessionUser = user as (SessionUser & { _sid?: string; collection?: string }) | null
  if (!sessionUser || sessionUser.collection !== 'users') {
    const exp = jwtExpiry(jwt)
    if (exp !== undefined && exp <= now) throw new HandshakeRefused('expired_token', 'Your session has expired. Log in again.')
    throw new HandshakeRefused('session_ended', 'The session is not valid (logged out, expired, or sent from another origin). Log in again.')
  }
  const session = liveSession(sessionUser, sessionUser._sid, now)
  if (!session || !sessionUser._sid) throw new HandshakeRefused('session_ended', 'The session has ended. Log in again.')
  return identity(sessionUser, sessionUser._sid, Math.min(session.expiresAt, jwtExpiry(jwt) ?? Infinity), 'cookie')
}

/** Who is connecting: `auth.token` if given, else the Payload session from the headers. */
export async function authenticateHandshake(
  payload: Payload,
  handshake: { auth: unknown; headers: IncomingHttpHeaders },
  secret: string,
  now = Date.now(),
): Promise<SocketIdentity> {
  const auth = handshakeAuthSchema.safeParse(handshake.auth ?? {})
  if (!auth.success) {
    const problems = auth.error.issues.map((issue) => `${issue.path.join('.') || 'auth'}: ${issue.message}`).join('; ')
    throw new HandshakeRefused('bad_handshake', `Invalid handshake auth (${problems}). Expected { token?: string, lastEventId?: number }.`)
  }
  const { token, lastEventId } = auth.data
  if (token) return { ...(await fromToken(payload, token, secret, now)), lastEventId }
  const headers = toHeaders(handshake.headers)
  const jwt = sessionJwt(headers, `${payload.config.cookiePrefix}-token`)
  if (jwt) return { ...(await fromSession(payload, headers, jwt, now)), lastEventId }
  throw new HandshakeRefused('no_token', `Authentication required: pass auth.token (from GET /api/websocket/token) or connect with your session cookie.`)
}
