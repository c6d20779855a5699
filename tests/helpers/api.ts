import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { servesOutsideNext } from '../../endpoints/restOutsideNext'

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * Calls the API the way the running app answers it, with a real Request and without a
 * server: the REST requests server.ts answers itself go to Payload's `handleEndpoints` as
 * endpoints/servePayloadRest.ts calls it; GraphQL and the rest (writes to the public site's
 * collections) to Payload's real Next route handlers, the ones `src/app/(payload)/api` exports.
 */
export function createApi(config: SanitizedConfig, origin = 'http://localhost:3000') {
  const configPromise = Promise.resolve(config)
  const handlers = {
    GET: REST_GET(configPromise),
    POST: REST_POST(configPromise),
    PATCH: REST_PATCH(configPromise),
    DELETE: REST_DELETE(configPromise),
  }
  const graphql = GRAPHQL_POST(configPromise)

  async function toResult(response: Response): Promise<ApiResponse> {
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers }
  }

  function headersFor(token?: string, extra: Record<string, string> = {}): Record<string, string> {
    return { 'content-type': 'application/json', origin, ...(token ? { authorization: `JWT ${token}` } : {}), ...extra }
  }

  return {
    async rest(method: Method, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
      const url = new URL(`/api${path}`, origin)
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
      const request = new Request(url, { method, headers: headersFor(options.token, options.headers), body })
      if (servesOutsideNext({ method, url: `${url.pathname}${url.search}`, headers: Object.fromEntries(request.headers) })) return toResult(await handleEndpoints({ config, request }))
      // Next hands route handlers decoded segments.
      const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean).map(decodeURIComponent)
      return toResult(await handlers[method](request, { params: Promise.resolve({ slug }) }))
    },
    async graphql(query: string, options: { token?: string; variables?: Record<string, unknown> } = {}): Promise<ApiResponse> {
      const request = new Request(new URL('/api/graphql', origin), {
        method: 'POST',
        headers: headersFor(options.token),
        body: JSON.stringify({ query, variables: options.variables }),
      })
      return toResult(await graphql(request))
    },
    async login(email: string, password: string): Promise<string> {
      const result = await this.rest('POST', '/users/login', { body: { email, password } })
      if (result.status !== 200) throw new Error(`login failed for ${email}: ${JSON.stringify(result.body)}`)
      return result.body.token as string
    },
  }
}

export type Api = ReturnType<typeof createApi>
