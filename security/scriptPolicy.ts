import { randomBytes } from 'node:crypto'
import type http from 'node:http'

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

/**
 * The page's script rule on top of `base`, on the response and, for a nonce, on the request
 * too (Next takes the nonce for the scripts it writes from the request's own policy header).
 * A policy header the client sent is always dropped: it must never choose the nonce.
 */
export function applyScriptPolicy(req: http.IncomingMessage, res: http.ServerResponse, base: string, { dev }: { dev: boolean }): void {
  delete req.headers['content-security-policy']
  const scripts = scriptPolicyFor((req.url ?? '/').split('?')[0]!, { dev })
  if (!scripts) return
  const policy = `${base}; ${scripts.directive}`
  res.setHeader('Content-Security-Policy', policy)
  if (scripts.nonce) req.headers['content-security-policy'] = policy
}
