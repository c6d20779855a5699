import type { Endpoint, SanitizedConfig } from 'payload'

import { isPayloadCollectionRoute, isPayloadRootRoute } from './payloadRoutes'
import { collectionPaths, collectionTag, isInternalCollection } from './collectionPaths'
import { collectionSchemas } from './collectionSchemas'
import { customPaths, type PathItems } from './customPaths'
import { platformPaths } from './platformPaths'
import { zodToSchema } from './zodToSchema'
import { errorBody } from './schemas/common'
import { API_VERSIONS } from '../versioning/apiVersions'

export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths: PathItems }

/** Root endpoints Payload and its plugins register, described in platformPaths or here. */
const PAYLOAD_ROOT_PATHS: PathItems = {
  '/api/og': { get: { operationId: 'ogImage', tags: ['Content'], summary: "The admin UI's Open Graph image (added by Payload's Next routes)", security: [], parameters: [{ name: 'title', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'A PNG', content: { 'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } } } } } } },
  '/api/access': { get: { operationId: 'access', tags: ['Authentication'], summary: "The caller's permissions on every collection (the admin UI's)", security: [{ cookieAuth: [] }, { bearerAuth: [] }, {}], responses: { 200: { description: 'Permissions', content: { 'application/json': { schema: { type: 'object' } } } } } } },
}

function seoPaths(endpoints: Endpoint[]): PathItems {
  const paths: PathItems = {}
  for (const endpoint of endpoints.filter((candidate) => candidate.path.startsWith('/plugin-seo/'))) {
    paths[`/api${endpoint.path}`] = {
      [endpoint.method]: {
        operationId: `seo${endpoint.path.replace('/plugin-seo/generate-', '').replace(/^./, (c) => c.toUpperCase())}`,
        tags: ['Content'],
        summary: `The SEO plugin's ${endpoint.path.replace('/plugin-seo/generate-', '')} suggestion for a document being edited (admin UI)`,
        security: [{ cookieAuth: [] }, { bearerAuth: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 200: { description: 'The suggestion', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    }
  }
  return paths
}

/**
 * The OpenAPI 3.1 description of the whole API, built from what the config registers: each
 * collection's REST routes and document schema (Payload's own JSON schema generator), every
 * custom endpoint's `custom.openapi` (an undocumented one is an error here, so the document
 * cannot fall behind), the probes, GraphQL and /metrics.
 */
export function buildOpenApiDocument(config: SanitizedConfig, options: { serverUrl: string; isProduction: boolean; version: string }): OpenApiDocument {
  const collections = config.collections.filter((collection) => !isInternalCollection(collection.slug))
  const documentedEndpoints = [
    ...config.endpoints.filter((endpoint) => !isPayloadRootRoute(endpoint)).map((endpoint) => ({ prefix: '', endpoint })),
    ...collections.flatMap((collection) => (collection.endpoints || []).filter((endpoint) => !isPayloadCollectionRoute(endpoint)).map((endpoint) => ({ prefix: `/${collection.slug}`, endpoint }))),
  ]
  const versions = Object.keys(API_VERSIONS).map((name) => `\`/api/${name}\``).join(', ')
  return {
    openapi: '3.1.0',
    info: {
      title: 'JasaWeb API',
      version: options.version,
      description: [
        'The JasaWeb agency platform: Payload CMS collections over REST and GraphQL, client payments by QRIS (Midtrans), real-time notifications (Socket.IO at /socket.io with a token from `GET /api/websocket/token`), business intelligence and operations.',
        'Authentication: the session cookie set by `POST /api/users/login` (browsers; state-changing requests must come from this origin), or the returned token as `Authorization: Bearer <token>` (or `JWT <token>`). Every route applies the same access rules: a client reads and changes only their own records.',
        `Versions: the custom endpoints (not the collection routes) are also served under ${versions} with an \`API-Version\` header. A retired version answers with \`Deprecation\`, \`Sunset\` and a successor \`Link\`, then 410.`,
        'Errors: `{ "errors": [{ "message", "data"? }], "requestId" }`; every answer carries `X-Request-Id`. Rate limits: `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`, and 429 with `Retry-After`.',
      ].join('\n\n'),
    },
    servers: [{ url: options.serverUrl }],
    tags: [
      { name: 'Authentication', description: 'Sessions and passwords (the users collection)' },
      { name: 'Payments', description: 'QRIS payments through Midtrans' },
      { name: 'Real time', description: 'Socket.IO tokens, the inbox, announcements and live connections' },
      { name: 'Business intelligence', description: 'Admins: revenue, clients, projects, forecast' },
      { name: 'Operations', description: 'Probes, caches, jobs, performance, this document' },
      { name: 'GraphQL' },
      { name: 'Content', description: "The admin UI's helpers" },
      ...collections.map((collection) => ({ name: collectionTag(collection.slug), description: `The \`${collection.slug}\` collection (in the admin: ${typeof collection.labels?.plural === 'string' ? collection.labels.plural : collection.slug})` })),
      ...(options.isProduction ? [] : [{ name: 'Demo', description: 'Only without Midtrans keys; never in production' }]),
    ],
    paths: {
      ...Object.assign({}, ...collections.map((collection) => collectionPaths(collection))),
      ...customPaths(documentedEndpoints),
      ...PAYLOAD_ROOT_PATHS,
      ...seoPaths(config.endpoints),
      ...platformPaths({ isProduction: options.isProduction }),
    },
    components: {
      schemas: { Error: zodToSchema(errorBody, 'output'), ...collectionSchemas(config, collections) },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: `${config.cookiePrefix}-token`, description: 'The session cookie from POST /api/users/login' },
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token from POST /api/users/login' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
      },
    },
  }
}
