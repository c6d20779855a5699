import { auditConnection } from './auditConnection'
import { onClientMessage, replayTo, type ConnectionDeps } from './clientEvents'
import { rooms } from './notificationEvents'
import { SERVER_EVENTS, type ReadyPayload } from './protocol'
import { newestEventId } from './replayEvents'
import type { RealtimeSocket } from './socketTypes'

export type { ConnectionDeps } from './clientEvents'

/** Client messages go to clientEvents.ts; the closure holds just the socket and the shared deps. */
function listenToClient(socket: RealtimeSocket, deps: ConnectionDeps): void {
  socket.use((packet) => void onClientMessage(socket, deps, packet))
}

/** What a socket has missed since the client's cursor, then `realtime:ready`. */
async function sendReady(socket: RealtimeSocket, payload: ConnectionDeps['payload']): Promise<void> {
  const data = socket.data
  const replay = data.lastEventId === undefined ? { replayed: 0, lastEventId: null, more: false } : await replayTo(socket, payload, data.lastEventId)
  const newest = replay.more ? replay.lastEventId : await newestEventId(payload, { id: data.userId, role: data.role, createdAt: data.userCreatedAt })
  const ready: ReadyPayload = {
    userId: data.userId,
    role: data.role,
    rooms: [...socket.rooms].filter((room) => room !== socket.id),
    lastEventId: newest ?? replay.lastEventId,
    replayed: replay.replayed,
    more: replay.more,
    expiresAt: new Date(data.expiresAt).toISOString(),
    instanceId: data.instanceId,
  }
  socket.emit(SERVER_EVENTS.ready, ready)
}

/**
 * Each authenticated socket: its rooms, the events it missed, then `realtime:ready`. Client
 * messages go through clientEvents.ts; session end and idle time are watched by
 * sweepConnections.ts, so a socket holds no timers of its own, and its disconnect listener
 * is one function shared by all (`this` is the socket): per-socket closures cost memory at
 * 10,000 sockets.
 */
export function connectionHandler(deps: ConnectionDeps): (socket: RealtimeSocket) => void {
  const { payload, stats, limiter } = deps

  function onDisconnect(this: RealtimeSocket, reason: string): void {
    const data = this.data
    limiter.forget(this.id)
    const seconds = Math.round((Date.now() - data.connectedAt) / 1000)
    const actor = { id: data.userId, email: data.email }
    void auditConnection(payload, { action: 'ws_disconnect', socketId: this.id, ip: data.ip, actor, summary: `disconnected (${reason}) after ${seconds} s` })
  }

  return (socket) => {
    const data = socket.data
    void socket.join([rooms.user(data.userId), rooms.role(data.role), rooms.session(data.sid)])
    stats.connectionsTotal += 1
    const actor = { id: data.userId, email: data.email }
    void auditConnection(payload, { action: 'ws_connect', socketId: socket.id, ip: data.ip, actor, summary: `connected (${data.via}) to ${data.instanceId}` })
    listenToClient(socket, deps)
    socket.on('disconnect', onDisconnect)
    // Rooms are joined first, then the missed events are read: an event stored in between
    // arrives live and possibly in the replay too; clients ignore ids they have seen.
    sendReady(socket, payload).catch((err: unknown) => {
      payload.logger.error({ err, msg: 'realtime: replay on connect failed' })
      socket.emit(SERVER_EVENTS.error, { code: 'server_error', message: 'Could not send the events you missed; ask again with "replay".' })
    })
  }
}
