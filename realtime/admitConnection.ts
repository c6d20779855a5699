import type { Payload } from 'payload'

import { resolveClientIp } from '../security/clientIp'
import type { TrustProxy } from '../security/trustProxy'
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
  trustProxy: TrustProxy
}

/**
 * The handshake middleware: a connection slot for the client's address (the socket's own
 * address, or X-Forwarded-For as far as TRUST_PROXY trusts it: security/clientIp.ts, as for
 * HTTP requests), then authentication. It runs on every connect; there is no connection-state
 * recovery that could skip it.
 */
export function admitConnection({ payload, perIp, stats, instanceId, secret, maxPerIp, trustProxy }: AdmitDeps) {
  // The address each transport's slot was taken for: behind a proxy it is not the transport's remoteAddress.
  const slotAddress = new WeakMap<object, string>()
  // One listener for every transport, not a closure per socket (memory at 10,000 sockets):
  // `this` is the engine.io socket that closed.
  function releaseSlot(this: object): void {
    const ip = slotAddress.get(this)
    if (ip !== undefined) perIp.release(ip)
  }
  return async (socket: RealtimeSocket, next: (error?: Error) => void): Promise<void> => {
    const ip = resolveClientIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trustProxy)
    if (!perIp.take(ip)) {
      stats.refusedTotal += 1
      return next(new HandshakeRefused('too_many_connections', `Too many connections from your address (at most ${maxPerIp}). Close another tab, or try again later.`))
    }
    slotAddress.set(socket.conn, ip)
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
