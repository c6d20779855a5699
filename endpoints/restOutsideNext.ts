import { isSiteCollection } from '../src/lib/site/cacheTags'

// Served by Next's own route handlers, never here.
const NEXT_ONLY = new Set(['graphql', 'graphql-playground', 'og'])
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'])

/**
 * Whether server.ts answers this request with Payload's REST handler itself instead of
 * passing it through Next's router. The same handler Next's `/api/[...slug]` route calls,
 * with server.ts's Payload: Next's routing, request wrapping and streams were half of a
 * small API call's CPU. Left to Next: GraphQL and Next's own /api/og, HEAD (Next derives it
 * from GET), and writes to the public site's collections, whose hooks revalidate Next's page
 * cache and can only do so inside a Next request. A POST that asks to be read as a GET
 * (Payload's X-HTTP-Method-Override, for long queries) is a read.
 */
export function servesOutsideNext(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }): boolean {
  const { method, url } = req
  if (!method || !METHODS.has(method) || !url?.startsWith('/api/')) return false
  const first = url.slice(5).split(/[/?#]/, 1)[0] ?? ''
  if (first === '' || NEXT_ONLY.has(first)) return false
  return method === 'GET' || method === 'OPTIONS' || !isSiteCollection(first) || (method === 'POST' && overridesToGet(req.headers))
}

function overridesToGet(headers: Record<string, string | string[] | undefined>): boolean {
  return [headers['x-payload-http-method-override'], headers['x-http-method-override']].some((value) => String(value ?? '').toUpperCase() === 'GET')
}
