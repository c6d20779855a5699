import type { Payload } from 'payload'

import { authenticateHandshake, HandshakeRefused } from './authenticateHandshake'
import type { ConnectionsPerIp } from './connectionLimits'
import type { InstanceStats } from './instanceStats'
import type { RealtimeSocket } from './socketTypes'

type AdmitDeps = {
  payload: Payload
  perIp: ConnectionsPerIp
  stats: InstanceStats
  instanceId: string
  secret: string
  maxPerIp: number
}

/**
 * The handshake middleware: a connection slot for the client's address (the socket's own
 * address, never a forwarded header), then authentication. It runs on every connect; there
 * is no connection-state recovery that could skip it.
 */
export function admitConnection({ payload, perIp, stats, instanceId, secret, maxPerIp }: AdmitDeps) {
  // One listener for every transport, not a closure per socket (memory at 10,000 sockets):
  // `this` is the engine.io socket that closed, and the slot is its address's.
  function releaseSlot(this: { remoteAddress: string }): void {
    perIp.release(this.remoteAddress)
  }
  return async (socket: RealtimeSocket, next: (error?: Error) => void): Promise<void> => {
    const ip = socket.handshake.address
    if (!perIp.take(ip)) {
      stats.refusedTotal += 1
      return next(new HandshakeRefused('too_many_connections', `Too many connections from your address (at most ${maxPerIp}). Close another tab, or try again later.`))
    }
    socket.conn.on('close', releaseSlot)
    // A refused handshake gives its slot back now, unless the transport closed (and gave it back) already.
    const release = () => {
      if (socket.conn.readyState === 'closed') return
      socket.conn.off('close', releaseSlot)
      perIp.release(ip)
    }
    try {
      const identity = await authenticateHandshake(payload, socket.handshake, secret)
      socket.data = {
        userId: identity.user.id,
        email: identity.user.email,
        role: identity.user.role,
        userCreatedAt: identity.user.createdAt,
        sid: identity.sid,
        expiresAt: identity.expiresAt,
        via: identity.via,
        ip,
        connectedAt: Date.now(),
        lastMessageAt: Date.now(),
        instanceId,
        lastEventId: identity.lastEventId,
      }
      // The token has done its job: keep it out of memory and out of fetchSockets() replies.
      socket.handshake.auth = {}
      next()
    } catch (error) {
      release()
      stats.refusedTotal += 1
      if (error instanceof HandshakeRefused) return next(error)
      payload.logger.error({ err: error, msg: 'realtime: handshake check failed' })
      next(new HandshakeRefused('server_error', 'The server could not check your credentials. Try again shortly.'))
    }
  }
}
