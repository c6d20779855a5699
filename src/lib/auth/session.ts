import { cookies } from 'next/headers'
import type { Payload } from 'payload'

/** Payload's session cookie, set and cleared the way Payload's own REST login and logout do. */
function sessionCookie(payload: Payload) {
  const auth = payload.collections.users.config.auth
  const sameSite = typeof auth.cookies.sameSite === 'string' ? (auth.cookies.sameSite.toLowerCase() as 'lax' | 'strict' | 'none') : 'lax'
  return {
    name: `${payload.config.cookiePrefix}-token`,
    options: { httpOnly: true, path: '/', sameSite, secure: Boolean(auth.cookies.secure), domain: auth.cookies.domain ?? undefined },
    lifetimeMs: auth.tokenExpiration * 1000,
  }
}

export async function setSessionCookie(payload: Payload, token: string): Promise<void> {
  const { name, options, lifetimeMs } = sessionCookie(payload)
  ;(await cookies()).set(name, token, { ...options, expires: new Date(Date.now() + lifetimeMs) })
}

export async function clearSessionCookie(payload: Payload): Promise<void> {
  const { name, options } = sessionCookie(payload)
  ;(await cookies()).set(name, '', { ...options, expires: new Date(0) })
}
