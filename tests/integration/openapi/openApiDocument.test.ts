/**
 * The OpenAPI document at GET /api/docs: valid OpenAPI 3.1 (an independent validator), every
 * reference resolves, every schema compiles, and every route the config registers is in it
 * (the custom endpoints, each collection's REST, auth and upload routes, the probes and
 * GraphQL). An endpoint added without a description makes the document fail to build.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { Endpoint, SanitizedConfig } from 'payload'

import { customRoutes } from '../../../endpoints'
import { isInternalCollection } from '../../../openapi/collectionPaths'
import { buildOpenApiDocument } from '../../../openapi/buildOpenApiDocument'
import { openApiPath } from '../../../openapi/customPaths'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let document: Record<string, any>

beforeAll(async () => {
  const answer = await suite.api.rest('GET', '/docs')
  expect(answer.status).toBe(200)
  document = answer.body
})

/** Every `$ref` anywhere in the document, with where it is. */
function references(value: unknown, at = '#', found: { ref: string; at: string }[] = []): { ref: string; at: string }[] {
  if (Array.isArray(value)) value.forEach((item, index) => references(item, `${at}/${index}`, found))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push({ ref: inner, at })
      else references(inner, `${at}/${key}`, found)
    }
  }
  return found
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, part) => (node === undefined ? undefined : node[part]), document)
}

/** `GET /api/invoices/{id}/pay` for each route the config registers that the API serves. */
function registeredRoutes(): string[] {
  const config = suite.ctx.config
  // `/` is the collection's own path; `/access/:id?` is served with and without the id.
  const route = (prefix: string) => (endpoint: Endpoint) => `${endpoint.method.toUpperCase()} ${openApiPath(`/api${prefix}${endpoint.path.replace(/\/:id\?$/, '/:id')}`.replace(/\/$/, '')).path}`
  const routes = config.endpoints.map(route(''))
  for (const collection of config.collections.filter((candidate) => !isInternalCollection(candidate.slug))) {
    // Payload registers the versions routes on every collection; they serve only where versions are on.
    const endpoints = (collection.endpoints || []).filter((endpoint) => collection.versions || !endpoint.path.startsWith('/versions'))
    routes.push(...endpoints.map(route(`/${collection.slug}`)))
  }
  return routes
}

function documentedRoutes(): Set<string> {
  return new Set(Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)))
}

describe('GET /api/docs', () => {
  it('is valid OpenAPI 3.1 by an independent validator', async () => {
    expect(document.openapi).toBe('3.1.0')
    const result = await new Validator().validate(document as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('resolves every reference', () => {
    const found = references(document)
    expect(found.length).toBeGreaterThan(100)
    const broken = found.filter(({ ref }) => resolve(ref) === undefined)
    expect(broken).toEqual([])
  })

  it('holds only schemas that compile (JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ strict: false })
    addFormats(ajv)
    const schemas: { at: string; schema: unknown }[] = []
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, any>)) {
          for (const media of Object.values((response.content ?? {}) as Record<string, any>)) schemas.push({ at: `${method} ${path} ${status}`, schema: media.schema })
        }
        for (const media of Object.values((operation.requestBody?.content ?? {}) as Record<string, any>)) schemas.push({ at: `${method} ${path} body`, schema: media.schema })
        for (const parameter of operation.parameters ?? []) schemas.push({ at: `${method} ${path} ${parameter.name}`, schema: parameter.schema })
      }
    }
    expect(schemas.length).toBeGreaterThan(300)
    const failures = schemas.flatMap(({ at, schema }) => {
      try {
        ajv.compile({ ...(schema as object), components: document.components })
        return []
      } catch (error) {
        return [`${at}: ${(error as Error).message}`]
      }
    })
    expect(failures).toEqual([])
  })

  it('describes every route the config registers', () => {
    const registered = registeredRoutes()
    expect(registered.length).toBeGreaterThan(150)
    const documented = documentedRoutes()
    expect(registered.filter((route) => !documented.has(route))).toEqual([])
  })

  it('describes every custom endpoint with a summary, its access, and a JSON schema for each success', () => {
    const routes = customRoutes({ isProduction: false })
    expect(routes.length).toBeGreaterThanOrEqual(25)
    for (const route of routes) {
      const operation = document.paths[openApiPath(`/api${route.path}`).path]?.[route.method.toLowerCase()]
      expect({ route, summary: typeof operation?.summary }).toEqual({ route, summary: 'string' })
      const successes = Object.entries(operation.responses as Record<string, any>).filter(([status]) => Number(status) < 300)
      expect({ route, successes: successes.length > 0 }).toEqual({ route, successes: true })
      for (const [, response] of successes) expect({ route, schema: response.content?.['application/json']?.schema !== undefined }).toEqual({ route, schema: true })
    }
  })

  it('has the probes, GraphQL, /metrics and the collections with their document schemas', () => {
    const documented = documentedRoutes()
    for (const route of ['GET /api/health', 'GET /api/ready', 'POST /api/graphql', 'GET /metrics', 'POST /api/users/login', 'GET /api/projects', 'GET /api/invoices/{id}', 'POST /api/media']) expect(documented).toContain(route)
    for (const slug of ['users', 'projects', 'invoices', 'pricing', 'posts', 'pages', 'media', 'notifications', 'announcements', 'payment-events', 'audit-log']) {
      expect(document.components.schemas[slug]?.properties?.id).toBeDefined()
      expect(document.components.schemas[`${slug}_create`]?.properties?.id).toBeUndefined()
    }
    expect(document.components.schemas.invoices.properties.status.enum).toEqual(expect.arrayContaining(['unpaid', 'paid']))
  })

  it('takes no parameters, and refuses one with a 400', async () => {
    const answer = await suite.api.rest('GET', '/docs?foo=1')
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toMatch(/foo/)
  })
})

describe('building the document', () => {
  it('fails for an endpoint registered without a description, naming it', () => {
    const config = suite.ctx.config
    const undocumented: Endpoint = { path: '/undocumented/:id', method: 'post', handler: () => Response.json({}) }
    const endpoints = [...config.endpoints, undocumented] as SanitizedConfig['endpoints']
    expect(() => buildOpenApiDocument({ ...config, endpoints }, { serverUrl: 'http://localhost:3000', isProduction: false, version: '0' })).toThrow(
      'POST /api/undocumented/:id has no OpenAPI description',
    )
  })

  it('leaves out the demo endpoints in production', () => {
    const config = suite.ctx.config
    const endpoints = config.endpoints.filter((endpoint) => !endpoint.path.startsWith('/midtrans-simulator')) as SanitizedConfig['endpoints']
    const production = buildOpenApiDocument({ ...config, endpoints }, { serverUrl: 'https://jasaweb.id', isProduction: true, version: '0' })
    expect(Object.keys(production.paths).some((path) => path.includes('midtrans-simulator'))).toBe(false)
    expect(production.servers).toEqual([{ url: 'https://jasaweb.id' }])
  })
})
