import type http from 'node:http'

/**
 * The headers every response carries, set by server.ts before Next, Payload or our own
 * handlers answer (so the site, the portal, the admin, the API and the probes all have them).
 *
 * The Content-Security-Policy restricts what needs no per-response nonce: who may frame the
 * app (only itself: Payload's live preview), where forms may post, `<base>` and plugins.
 * Scripts are not restricted by a nonce: the public pages are served from Next's ISR cache,
 * the same bytes for every visitor, so a per-response nonce cannot be in them.
 */
export type SecurityHeaderOptions = { isProduction: boolean; serverUrl: string }

/** The Content-Security-Policy every response carries; security/scriptPolicy.ts adds a script rule per page. */
export function basePolicy({ serverUrl }: Pick<SecurityHeaderOptions, 'serverUrl'>): string {
  const https = serverUrl.startsWith('https://')
  return ["frame-ancestors 'self'", "base-uri 'self'", "object-src 'none'", "form-action 'self'", ...(https ? ['upgrade-insecure-requests'] : [])].join('; ')
}

export function securityHeaders({ isProduction, serverUrl }: SecurityHeaderOptions): [string, string][] {
  const https = serverUrl.startsWith('https://')
  return [
    ['Content-Security-Policy', basePolicy({ serverUrl })],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    // Only where the site is served over HTTPS: a browser would otherwise refuse plain HTTP on localhost for a year.
    ...(isProduction && https ? ([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as [string, string][]) : []),
  ]
}

export function applySecurityHeaders(res: http.ServerResponse, headers: readonly [string, string][]): void {
  for (const [name, value] of headers) res.setHeader(name, value)
}
