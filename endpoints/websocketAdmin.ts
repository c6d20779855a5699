import type { Endpoint, PayloadHandler } from 'payload'

import { adminHandler } from '../access/requireAdmin'
import { APIError } from 'payload'
import { NotFound } from '../lib/errors'
import { NO_STORE, readJsonBody } from '../lib/http'
import { broadcastAnnouncement } from '../realtime/broadcastAnnouncement'
import { disconnectConnection } from '../realtime/disconnectConnection'
import { broadcastDoc, disconnectDoc, websocketStatusDoc } from '../openapi/docs/realtimeDocs'
import { documented } from '../openapi/endpointDoc'
import { broadcastBody, connectionParams } from '../realtime/adminRequests'
import { realtimeStatus } from '../realtime/realtimeStatus'
import { getRealtimeServer, type RealtimeHandle } from '../realtime/registry'

class RealtimeUnavailable extends APIError {
  constructor() {
    super('The real-time server is not running in this process.', 503, undefined, true)
    this.name = 'RealtimeUnavailable'
  }
}

const REFUSAL = 'Only admins can manage real-time connections.'

function requireServer(): RealtimeHandle {
  const handle = getRealtimeServer()
  if (!handle) throw new RealtimeUnavailable()
  return handle
}

/** GET /api/admin/websocket/status — admins: connections, distinct users, rooms, messages/min, per instance. */
const status: PayloadHandler = adminHandler(REFUSAL, async () => {
  return Response.json(await realtimeStatus(requireServer()), { headers: NO_STORE })
})

/** POST /api/websocket/broadcast — admins: { title, body, priority, audience }, saved as an announcement published now. */
const broadcast: PayloadHandler = adminHandler(REFUSAL, async (req) => {
  const input = broadcastBody.parse(await readJsonBody(req))
  const announcement = await broadcastAnnouncement(req, input)
  return Response.json({ message: 'Announcement published.', doc: announcement }, { status: 201 })
})

/** DELETE /api/websocket/connections/:id — admins: close one connection on any instance. */
const disconnect: PayloadHandler = adminHandler(REFUSAL, async (req) => {
  const { id } = connectionParams.parse({ id: req.routeParams?.id })
  const closed = await disconnectConnection(req, requireServer(), id)
  if (!closed) throw new NotFound(`No open connection ${id}.`)
  return Response.json({ message: 'Connection closed.', connection: closed })
})

export const websocketAdminEndpoints: Endpoint[] = [
  documented({ path: '/admin/websocket/status', method: 'get', handler: status }, websocketStatusDoc),
  documented({ path: '/websocket/broadcast', method: 'post', handler: broadcast }, broadcastDoc),
  documented({ path: '/websocket/connections/:id', method: 'delete', handler: disconnect }, disconnectDoc),
]
