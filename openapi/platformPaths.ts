import { ERROR_REF, RATE_LIMITED, type PathItems } from './customPaths'

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const check = { type: 'object', required: ['status'], properties: { status: { enum: ['ok', 'fail', 'skipped'] }, detail: { type: 'string' } } }

/** The routes server.ts answers itself, and Payload's GraphQL. */
export function platformPaths({ isProduction }: { isProduction: boolean }): PathItems {
  return {
    '/api/health': {
      get: {
        operationId: 'health',
        tags: ['Operations'],
        summary: 'Liveness: the process serves requests',
        security: [],
        responses: { 200: { description: 'Alive', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' }, uptimeSeconds: { type: 'integer' }, pid: { type: 'integer' } } }) } },
      },
    },
    '/api/ready': {
      get: {
        operationId: 'ready',
        tags: ['Operations'],
        summary: 'Readiness: database, migrations, Redis when configured, the job runner, not shutting down',
        security: [],
        responses: {
          200: { description: 'Ready', content: json({ type: 'object', required: ['status', 'checks'], properties: { status: { const: 'ready' }, checks: { type: 'object', additionalProperties: check } } }) },
          503: { description: 'Not ready: the failing check says why', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'not_ready' }, checks: { type: 'object', additionalProperties: check }, detail: { type: 'string' } } }) },
        },
      },
    },
    '/api/graphql': {
      post: {
        operationId: 'graphql',
        tags: ['GraphQL'],
        summary: "Payload's GraphQL API: the same access rules as REST",
        description: `Every collection's queries and mutations. Limits: complexity 1000, depth and alias limits; ${isProduction ? 'introspection and the playground are off in production' : 'introspection and the playground (/api/graphql-playground) are off in production'}.`,
        security: [{ cookieAuth: [] }, { bearerAuth: [] }, {}],
        requestBody: { required: true, content: json({ type: 'object', required: ['query'], properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } } }) },
        responses: {
          200: { description: 'Data and/or errors (GraphQL reports field errors in the body)', content: json({ type: 'object', properties: { data: {}, errors: { type: 'array', items: { type: 'object' } } } }) },
          400: { description: 'A query over the limits, or not valid GraphQL', content: json({ type: 'object', properties: { errors: { type: 'array', items: { type: 'object' } } } }) },
          429: { description: RATE_LIMITED, content: json(ERROR_REF) },
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        tags: ['Operations'],
        summary: 'Prometheus metrics (only when METRICS_TOKEN is set)',
        security: [{ metricsToken: [] }],
        responses: {
          200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
          401: { description: 'Missing or wrong token', content: json(ERROR_REF) },
          404: { description: 'METRICS_TOKEN is not set', content: json(ERROR_REF) },
        },
      },
    },
  }
}
