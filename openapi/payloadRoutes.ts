import type { Endpoint } from 'payload'

import { endpointDoc } from './endpointDoc'

/** A route Payload (or its SEO plugin) registers on every config: described here, not by custom.openapi. */
export const isPayloadRootRoute = (endpoint: Endpoint) => !endpointDoc(endpoint) && (endpoint.path === '/access' || endpoint.path === '/og' || endpoint.path.startsWith('/plugin-seo/'))

/** The routes Payload registers on every collection (auth and upload ones too): described by collectionPaths. */
const PAYLOAD_COLLECTION_ROUTES = new Set([
  ...['get /', 'post /', 'patch /', 'delete /', 'get /count', 'get /:id', 'patch /:id', 'delete /:id', 'post /:id/duplicate', 'post /access/:id?'],
  ...['get /versions', 'get /versions/:id', 'post /versions/:id'],
  ...['post /login', 'post /logout', 'get /me', 'post /refresh-token', 'post /forgot-password', 'post /reset-password', 'post /unlock', 'post /verify/:id', 'post /first-register', 'get /init'],
  ...['get /file/:filename', 'get /paste-url/:id?'],
])
export const isPayloadCollectionRoute = (endpoint: Endpoint) => !endpointDoc(endpoint) && PAYLOAD_COLLECTION_ROUTES.has(`${endpoint.method} ${endpoint.path}`)

