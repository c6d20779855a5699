import type { Endpoint } from 'payload'

import { endpointDoc, type EndpointDoc, type ResponseDoc } from './endpointDoc'
import { zodToSchema, type JsonSchema } from './zodToSchema'

export type Operation = JsonSchema
export type PathItems = Record<string, Record<string, Operation>>

export const ERROR_REF = { $ref: '#/components/schemas/Error' }

/** What any route may answer, whoever serves it. */
export const RATE_LIMITED = 'Over the rate limit (see Retry-After and X-RateLimit-*)'
export const UNAVAILABLE = 'The database (or a service it needs) is unavailable; retry later'

/** Payload's `/:id/pay` as OpenAPI's `/{id}/pay`, with the names of its parameters. */
export function openApiPath(path: string): { path: string; names: string[] } {
  const names: string[] = []
  const converted = path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    names.push(name)
    return `{${name}}`
  })
  return { path: converted, names }
}

const SECURITY: Record<EndpointDoc['access'], JsonSchema[]> = {
  anyone: [],
  midtrans: [],
  user: [{ cookieAuth: [] }, { bearerAuth: [] }],
  admin: [{ cookieAuth: [] }, { bearerAuth: [] }],
}

const ACCESS_NOTE: Record<EndpointDoc['access'], string> = {
  anyone: 'Anyone.',
  midtrans: 'Midtrans (verified by signature, not by session).',
  user: 'Logged-in users; a client only for their own records.',
  admin: 'Admins only.',
}

/** The answers every endpoint of its kind can give, unless its doc says more precisely. */
function standardErrors(doc: EndpointDoc, hasPathParams: boolean): Record<number, string> {
  const errors: Record<number, string> = { 429: RATE_LIMITED, 503: UNAVAILABLE }
  if (doc.query || doc.body || hasPathParams) errors[400] = 'Bad input: the message says what is wrong'
  if (doc.access === 'user' || doc.access === 'admin') errors[401] = 'Not logged in'
  if (doc.access === 'user') errors[403] = 'Not allowed for this user'
  if (doc.access === 'admin') errors[403] = 'Not an admin'
  if (hasPathParams) errors[404] = 'No such record, or not visible to this user'
  return errors
}

function responseObject(status: number, response: ResponseDoc): JsonSchema {
  const content: JsonSchema = {}
  if (response.schema) content['application/json'] = { schema: zodToSchema(response.schema, 'output') }
  else if (status >= 400) content['application/json'] = { schema: ERROR_REF }
  if (response.csv) content['text/csv'] = { schema: { type: 'string' } }
  return { description: response.description, ...(Object.keys(content).length ? { content } : {}) }
}

function parameters(doc: EndpointDoc, pathNames: string[]): JsonSchema[] {
  const result: JsonSchema[] = []
  const pathSchema = doc.params ? (zodToSchema(doc.params, 'input').properties as Record<string, JsonSchema>) : {}
  for (const name of pathNames) {
    result.push({ name, in: 'path', required: true, schema: pathSchema[name] ?? { type: 'string', pattern: '^[1-9][0-9]{0,15}$', description: 'Serial id' } })
  }
  if (doc.query) {
    const query = zodToSchema(doc.query, 'input')
    const required = new Set((query.required as string[] | undefined) ?? [])
    for (const [name, schema] of Object.entries((query.properties as Record<string, JsonSchema>) ?? {})) {
      result.push({ name, in: 'query', required: required.has(name), schema })
    }
  }
  return result
}

/** One documented endpoint as an OpenAPI operation. */
export function customOperation(endpoint: Endpoint, fullPath: string, operationId: string): Operation {
  const doc = endpointDoc(endpoint)
  if (!doc) throw new Error(`${endpoint.method.toUpperCase()} ${fullPath} has no OpenAPI description (custom.openapi): document it with documented() (openapi/endpointDoc.ts).`)
  const { names } = openApiPath(fullPath)
  const responses: JsonSchema = {}
  const explicit = doc.responses
  for (const [status, description] of Object.entries(standardErrors(doc, names.length > 0))) {
    if (!explicit[Number(status)]) responses[status] = responseObject(Number(status), { description })
  }
  for (const [status, response] of Object.entries(explicit)) responses[status] = responseObject(Number(status), response)
  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)))
  return {
    operationId,
    tags: [doc.tag],
    summary: doc.summary,
    description: [doc.description, ACCESS_NOTE[doc.access]].filter(Boolean).join('\n\n'),
    security: SECURITY[doc.access],
    parameters: parameters(doc, names),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: zodToSchema(doc.body, 'input') } } } } : {}),
    responses: sorted,
  }
}

/** Every custom endpoint, as `{ prefix, endpoint }`, into OpenAPI paths under /api. */
export function customPaths(endpoints: { prefix: string; endpoint: Endpoint }[]): PathItems {
  const paths: PathItems = {}
  for (const { prefix, endpoint } of endpoints) {
    const full = `${prefix}${endpoint.path}`
    const { path } = openApiPath(`/api${full}`)
    const method = endpoint.method.toLowerCase()
    const operationId = `${method}${full.replace(/[:{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`
    paths[path] = { ...paths[path], [method]: customOperation(endpoint, `/api${full}`, operationId) }
  }
  return paths
}
