import { randomBytes } from 'node:crypto'

/**
 * Which scripts a page may run, added to the base Content-Security-Policy per response.
 *
 * - Pages Next renders for each request (the portal and the account forms, where a session
 *   is used and typed in): only scripts carrying this response's nonce, and what they load
 *   (`'strict-dynamic'`). server.ts hands the policy to Next in the request's own
 *   `content-security-policy` header, from which Next reads the nonce and puts it on every
 *   script it writes.
 * - The API viewer (/docs): its two script files, from this origin only.
 * - Everything else, above all the public pages from Next's ISR cache: no script rule, since
 *   the same cached bytes go to every visitor and cannot hold a per-response nonce.
 */
const PER_REQUEST_PAGES = /^\/(portal|masuk|daftar|lupa-password|reset-password)(\/|$)/
const VIEWER = /^\/docs(\/|$)/

export type ScriptPolicy = { directive: string; nonce?: string }

export function scriptPolicyFor(pathname: string, { dev }: { dev: boolean }): ScriptPolicy | null {
  if (PER_REQUEST_PAGES.test(pathname)) {
    const nonce = randomBytes(16).toString('base64')
    // Next's development build evaluates modules for hot reloading.
    return { nonce, directive: `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}` }
  }
  if (VIEWER.test(pathname)) return { directive: "script-src 'self'" }
  return null
}
