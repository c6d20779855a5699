import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The short-lived WebSocket handshake token (`GET /api/websocket/token`). Browsers cannot set
 * headers on a WebSocket, and the session cookie is HttpOnly, so the page fetches this
 * ticket and hands it to socket.io's `auth`. It names the user and the Payload session it
 * was issued from; the handshake then checks, through Payload, that both still exist.
 * It is not a Payload JWT, so it opens nothing but the socket.
 */
export const WEBSOCKET_TOKEN_TTL_SECONDS = 5 * 60

export type WebsocketTokenClaims = {
  /** User id. */
  sub: number
  /** Payload session id (users.sessions[].id). */
  sid: string
  /** Expiry, seconds since the epoch. */
  exp: number
}

export type TokenVerdict = { ok: true; claims: WebsocketTokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' }

const VERSION = 'v1'

/** A key of its own, derived from PAYLOAD_SECRET, so this token and Payload's JWTs can never stand in for each other. */
function keyFrom(secret: string): Buffer {
  return createHash('sha256').update(`jasaweb:websocket-token:${secret}`).digest()
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', keyFrom(secret)).update(`${VERSION}.${body}`).digest('base64url')
}

export function signWebsocketToken(secret: string, claims: { sub: number; sid: string }, now = Date.now(), ttlSeconds = WEBSOCKET_TOKEN_TTL_SECONDS): { token: string; expiresAt: Date } {
  const exp = Math.floor(now / 1000) + ttlSeconds
  const body = Buffer.from(JSON.stringify({ sub: claims.sub, sid: claims.sid, exp })).toString('base64url')
  return { token: `${VERSION}.${body}.${sign(secret, body)}`, expiresAt: new Date(exp * 1000) }
}

export function verifyWebsocketToken(secret: string, token: string, now = Date.now()): TokenVerdict {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' }
  const [, body, signature] = parts as [string, string, string]
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const { sub, sid, exp } = (claims ?? {}) as Partial<WebsocketTokenClaims>
  if (!Number.isSafeInteger(sub) || typeof sid !== 'string' || !sid || !Number.isSafeInteger(exp)) return { ok: false, reason: 'malformed' }
  if ((exp as number) * 1000 <= now) return { ok: false, reason: 'expired' }
  return { ok: true, claims: { sub: sub as number, sid, exp: exp as number } }
}
