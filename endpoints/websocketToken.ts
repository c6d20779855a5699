import type { Endpoint, PayloadHandler } from 'payload'

import { errorResponse } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { websocketTokenDoc } from '../openapi/docs/realtimeDocs'
import { issueWebsocketToken } from '../realtime/issueWebsocketToken'

/** GET /api/websocket/token — logged-in users: `{ token, expiresAt }` for the Socket.IO handshake (`auth.token`). */
const handler: PayloadHandler = (req) => {
  try {
    // A credential: never cached by the browser or a proxy.
    return Response.json(issueWebsocketToken(req.user as Parameters<typeof issueWebsocketToken>[0]), { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}

export const websocketTokenEndpoint: Endpoint = documented({ path: '/websocket/token', method: 'get', handler }, websocketTokenDoc)
