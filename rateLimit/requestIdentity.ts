import { createHash } from 'node:crypto'
import { jwtVerify } from 'jose'

export type RequestIdentity = { userId: string; role: string }

const COOKIE = /(?:^|;\s*)payload-token=([^;]+)/

/** Payload signs its JWTs with this key derived from PAYLOAD_SECRET (payload/dist/index.js). */
export function payloadJwtKey(secret: string): Uint8Array {
  return new TextEncoder().encode(createHash('sha256').update(secret).digest('hex').slice(0, 32))
}

/**
 * Who is asking, for the budget only: the session cookie or `Authorization: JWT …`, verified
 * (signature and expiry) without a database read. An invalid token counts as anonymous: the
 * request itself is refused later by Payload. Access control never relies on this.
 */
export async function requestIdentity(headers: { cookie?: string; authorization?: string }, key: Uint8Array): Promise<RequestIdentity | null> {
  const fromHeader = /^(?:JWT|Bearer) (.+)$/.exec(headers.authorization ?? '')?.[1]
  const token = fromHeader ?? COOKIE.exec(headers.cookie ?? '')?.[1]
  if (!token) return null
  try {
    const { payload } = await jwtVerify(decodeURIComponent(token), key, { algorithms: ['HS256'] })
    if (payload.id === undefined || payload.collection !== 'users') return null
    return { userId: String(payload.id), role: typeof payload.role === 'string' ? payload.role : 'client' }
  } catch {
    return null
  }
}
