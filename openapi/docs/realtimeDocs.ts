import { z } from 'zod'

import { broadcastBody, connectionParams } from '../../realtime/adminRequests'
import { inboxQuery } from '../../realtime/inboxQuery'
import { PRIORITIES } from '../../realtime/protocol'
import type { EndpointDoc } from '../endpointDoc'
import { collectionDoc, isoDateTime, serialId } from '../schemas/common'

const inboxItem = z.looseObject({
  id: serialId,
  type: z.string(),
  priority: z.enum(PRIORITIES),
  title: z.string(),
  body: z.string().nullable().optional(),
  data: z.unknown().optional(),
  createdAt: isoDateTime,
  read: z.boolean(),
})

const instanceStatus = z.object({
  instanceId: z.string(),
  startedAt: isoDateTime,
  connections: z.number().int(),
  users: z.number().int(),
  rooms: z.number().int(),
  projectRooms: z.number().int(),
  messagesPerMinute: z.number(),
  messagesTotal: z.number().int(),
  connectionsTotal: z.number().int(),
  refusedTotal: z.number().int(),
  rssBytes: z.number().int(),
})

const connectionInfo = z.object({
  id: z.string(),
  userId: serialId,
  email: z.string(),
  role: z.string(),
  ip: z.string(),
  via: z.string(),
  instanceId: z.string(),
  connectedAt: isoDateTime,
  rooms: z.array(z.string()),
})

export const websocketTokenDoc: EndpointDoc = {
  tag: 'Real time',
  summary: 'A 5-minute token for the Socket.IO handshake',
  description: 'Logged-in users: pass it as `auth.token` when connecting to Socket.IO on this server (path /socket.io). A fresh one is fetched on every reconnect.',
  access: 'user',
  responses: { 200: { description: 'The token and when it expires', schema: z.object({ token: z.string(), expiresAt: isoDateTime }) } },
}

export const inboxDoc: EndpointDoc = {
  tag: 'Real time',
  summary: "The caller's newest notifications",
  description: 'Items addressed to the caller or their role, newest first, each with `read` for this user, and the unread count. Marking read goes over the socket (`notifications:read`).',
  access: 'user',
  query: inboxQuery,
  responses: { 200: { description: 'The inbox', schema: z.object({ docs: z.array(inboxItem), unread: z.number().int() }) } },
}

export const websocketStatusDoc: EndpointDoc = {
  tag: 'Real time',
  summary: 'Live connections on every instance',
  access: 'admin',
  responses: {
    200: {
      description: 'Per instance and in total: connections, distinct users, rooms, messages per minute; and each connection',
      schema: z.object({
        instances: z.array(instanceStatus),
        unreachable: z.boolean(),
        totals: z.object({ instances: z.number().int(), connections: z.number().int(), users: z.number().int(), messagesPerMinute: z.number() }),
        connections: z.array(connectionInfo),
      }),
    },
    503: { description: 'The real-time server is not running in this process' },
  },
}

export const broadcastDoc: EndpointDoc = {
  tag: 'Real time',
  summary: 'Publish an announcement now',
  description: 'Saved as an announcement (audit-logged) and pushed live to its audience; offline users get it on their next connection.',
  access: 'admin',
  body: broadcastBody,
  responses: { 201: { description: 'The announcement', schema: z.object({ message: z.string(), doc: collectionDoc('announcements') }) } },
}

export const disconnectDoc: EndpointDoc = {
  tag: 'Real time',
  summary: 'Close one Socket.IO connection on any instance',
  access: 'admin',
  params: connectionParams,
  responses: {
    200: { description: 'The connection was closed', schema: z.object({ message: z.string(), connection: z.object({ id: z.string(), userId: serialId, email: z.string() }) }) },
    404: { description: 'No open connection with that id' },
    503: { description: 'The real-time server is not running in this process' },
  },
}
