import type { Endpoint } from 'payload'

import { Invoices } from '../collections/Invoices'
import { isPayloadCollectionRoute } from '../openapi/payloadRoutes'
import { Projects } from '../collections/Projects'

import { biEndpoints } from './biReports'
import { cacheAdminEndpoints } from './cacheAdmin'
import { inboxEndpoint } from './inbox'
import { jobsAdminEndpoints } from './jobsAdmin'
import { midtransSimulatorEndpoints } from './midtransSimulator'
import { midtransWebhookEndpoint } from './midtransWebhook'
import { openApiDocumentEndpoint } from './openApiDocument'
import { performanceIntelligenceEndpoint } from './performanceIntelligence'
import { websocketAdminEndpoints } from './websocketAdmin'
import { websocketTokenEndpoint } from './websocketToken'

/**
 * The custom endpoints under /api (collections add their own: invoices' pay, recheck and
 * simulate, projects' review). One list, read by payload.config.ts and by the tests that
 * must cover every endpoint (the fuzz test).
 */
export function rootEndpoints({ isProduction }: { isProduction: boolean }): Endpoint[] {
  return [
    midtransWebhookEndpoint,
    websocketTokenEndpoint,
    inboxEndpoint,
    ...websocketAdminEndpoints,
    ...biEndpoints,
    ...cacheAdminEndpoints,
    ...jobsAdminEndpoints,
    performanceIntelligenceEndpoint,
    openApiDocumentEndpoint,
    // The Midtrans simulator pays invoices without Midtrans: never in production.
    ...(isProduction ? [] : midtransSimulatorEndpoints),
  ]
}

export type CustomRoute = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string }

/**
 * Every custom endpoint as method and path under /api, the collections' own included (not
 * the REST routes Payload adds to each collection's list once the config is built).
 */
export function customRoutes(options: { isProduction: boolean }): CustomRoute[] {
  const route = (prefix: string) => (endpoint: Endpoint): CustomRoute => ({ method: endpoint.method.toUpperCase() as CustomRoute['method'], path: `${prefix}${endpoint.path}` })
  return [
    ...rootEndpoints(options).map(route('')),
    ...((Invoices.endpoints || []) as Endpoint[]).filter((endpoint) => !isPayloadCollectionRoute(endpoint)).map(route(`/${Invoices.slug}`)),
    ...((Projects.endpoints || []) as Endpoint[]).filter((endpoint) => !isPayloadCollectionRoute(endpoint)).map(route(`/${Projects.slug}`)),
  ]
}
