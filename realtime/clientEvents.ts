import type { Payload } from 'payload'

import type { MessageLimiter, RealtimeLimits } from './connectionLimits'
import type { InstanceStats } from './instanceStats'
import { mayFollowProject } from './joinProjectRoom'
import { markNotificationsRead } from './markNotificationsRead'
import { rooms } from './notificationEvents'
import { CLIENT_EVENTS, parseClientEvent, SERVER_EVENTS, type Ack, type ClientEventName, type ClientEventPayload, type RealtimeError } from './protocol'
import { missedEvents } from './replayEvents'
import type { RealtimeSocket } from './socketTypes'

export type ConnectionDeps = {
  payload: Payload
  limits: RealtimeLimits
  limiter: MessageLimiter
  stats: InstanceStats
}

type AckFn = (response: Ack) => void

const readerOf = (socket: RealtimeSocket) => ({ id: socket.data.userId, role: socket.data.role, collection: 'users' as const })
const viewerOf = (socket: RealtimeSocket) => ({ id: socket.data.userId, role: socket.data.role, createdAt: socket.data.userCreatedAt })

/** Sends the stored events after `afterId` to one socket, in id order; one batch at most. */
export async function replayTo(socket: RealtimeSocket, payload: Payload, afterId: number) {
  const { events, more } = await missedEvents(payload, viewerOf(socket), afterId)
  for (const event of events) socket.emit(event.type, event)
  return { replayed: events.length, lastEventId: events.at(-1)?.id ?? afterId, more }
}

type Handler<E extends ClientEventName> = (socket: RealtimeSocket, payload: Payload, body: ClientEventPayload<E>) => Promise<Ack>

/** What each client event does; bodies arrive validated. Shared by every socket (no closures per socket). */
const HANDLERS: { [E in ClientEventName]: Handler<E> } = {
  [CLIENT_EVENTS.joinProject]: async (socket, payload, { projectId }) => {
    if (!(await mayFollowProject(payload, readerOf(socket), projectId))) {
      return { ok: false, error: { code: 'forbidden', message: `You may not follow project ${projectId}: only its owner and admins can.`, event: CLIENT_EVENTS.joinProject } }
    }
    await socket.join(rooms.project(projectId))
    return { ok: true, room: rooms.project(projectId) }
  },
  [CLIENT_EVENTS.leaveProject]: async (socket, _payload, { projectId }) => {
    await socket.leave(rooms.project(projectId))
    return { ok: true }
  },
  [CLIENT_EVENTS.markRead]: async (socket, payload, request) => ({ ok: true, marked: await markNotificationsRead(payload, readerOf(socket), request) }),
  [CLIENT_EVENTS.replay]: async (socket, payload, { afterId }) => ({ ok: true, ...(await replayTo(socket, payload, afterId)) }),
}

/**
 * Every client message, as a socket middleware: rate limit, a known event with a valid
 * payload, then its handler; any refusal is a realtime:error (and the ack's error). The
 * middleware answers itself and never passes the packet on, so sockets carry no listeners.
 */
export async function onClientMessage(socket: RealtimeSocket, { payload, limits, limiter, stats }: ConnectionDeps, packet: unknown[]): Promise<void> {
  stats.recordMessage()
  socket.data.lastMessageAt = Date.now()
  const last = packet[packet.length - 1]
  const ack = typeof last === 'function' ? (last as AckFn) : undefined
  const respond = (response: Ack) => {
    if (!response.ok) socket.emit(SERVER_EVENTS.error, response.error)
    ack?.(response)
  }
  const refuse = (error: RealtimeError) => respond({ ok: false, error })

  const verdict = await limiter.consume(socket.id)
  if (!verdict.allowed) {
    if (verdict.disconnect) {
      refuse({ code: 'rate_limited', message: `Too many messages (limit ${limits.messagesPerMinute} per minute), repeatedly: disconnected.` })
      socket.disconnect(true)
    } else {
      refuse({ code: 'rate_limited', message: `Too many messages: at most ${limits.messagesPerMinute} per minute. Wait ${Math.ceil(verdict.retryAfterMs / 1000)} s; repeated floods close the connection.` })
    }
    return
  }
  const body = packet.length > 1 && typeof packet[1] !== 'function' ? packet[1] : undefined
  const parsed = parseClientEvent(packet[0], body)
  if (!parsed.ok) return refuse(parsed.error)
  const handler = HANDLERS[parsed.event] as Handler<ClientEventName>
  try {
    respond(await handler(socket, payload, parsed.data as ClientEventPayload<ClientEventName>))
  } catch (err) {
    payload.logger.error({ err, msg: `realtime: ${parsed.event} failed` })
    refuse({ code: 'server_error', message: `"${parsed.event}" failed on the server. Try again.`, event: parsed.event })
  }
}
