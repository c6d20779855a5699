import type { RealtimeLimits } from './connectionLimits'
import { SERVER_EVENTS, type RealtimeError } from './protocol'
import type { RealtimeIo, RealtimeSocket } from './socketTypes'

/** Closes the transport: the client comes back through the handshake and is authorised afresh. */
function closeForReconnect(socket: RealtimeSocket, notice: RealtimeError): void {
  socket.data.closing = true
  socket.emit(SERVER_EVENTS.error, notice)
  socket.conn.close()
}

/**
 * One timer per instance instead of two per socket (they cost memory at 10,000 sockets):
 * every second, closes this instance's sockets whose session has ended, and those idle for
 * longer than the idle limit.
 */
export function sweepConnections(io: RealtimeIo, limits: Pick<RealtimeLimits, 'idleTimeoutMs'>, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    const now = Date.now()
    for (const socket of io.of('/').sockets.values()) {
      if (socket.data.closing) continue
      if (socket.data.expiresAt <= now) {
        closeForReconnect(socket, { code: 'session_expired', message: 'Your session has ended. Reconnect with a fresh token, or log in again.' })
      } else if (limits.idleTimeoutMs > 0 && now - socket.data.lastMessageAt >= limits.idleTimeoutMs) {
        closeForReconnect(socket, { code: 'idle', message: 'Closed after a long idle time; reconnecting is safe.' })
      }
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
