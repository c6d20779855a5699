import type { Server as HttpServer } from 'node:http'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Payload } from 'payload'
import { Server } from 'socket.io'

import { getConfig } from '../lib/env'
import type { TrustProxy } from '../security/trustProxy'
import { installAfterCommit } from './afterCommit'
import { admitConnection } from './admitConnection'
import { auditsWritten } from './auditConnection'
import { ConnectionsPerIp, limitsFrom, MessageLimiter, type RealtimeLimits } from './connectionLimits'
import { connectionHandler } from './handleConnection'
import { InstanceStats } from './instanceStats'
import { REALTIME_PATH, REALTIME_TRANSPORTS } from './protocol'
import { localStatus } from './realtimeStatus'
import { createRedisAdapter } from './redisAdapter'
import { getRealtimeServer, setRealtimeServer, type RealtimeHandle } from './registry'
import { sweepConnections } from './sweepConnections'
import type { RealtimeIo } from './socketTypes'

export type AttachOptions = {
  /** Overrides of the env-configured limits (tests, benchmarks). */
  limits?: Partial<RealtimeLimits>
  /** Redis for several instances; default REDIS_URL. null = in memory even when REDIS_URL is set. */
  redisUrl?: string | null
  /** Redis channel prefix; default REALTIME_REDIS_KEY. Instances that share events share it. */
  redisKey?: string
  /** Who may name the client's address in X-Forwarded-For; default TRUST_PROXY. */
  trustProxy?: TrustProxy
  log?: (message: string) => void
}

export type RealtimeServer = RealtimeHandle & {
  limits: RealtimeLimits
  /** Closes every socket of this instance and its Redis connections; the HTTP server stays up. */
  close: () => Promise<void>
}

/**
 * Socket.IO on the app's own HTTP server (same port as Next and Payload). The server is
 * published on globalThis (registry.ts) for hooks and endpoints running inside Next.
 */
export function attachRealtime(httpServer: HttpServer, payload: Payload, options: AttachOptions = {}): RealtimeServer {
  const config = getConfig()
  const limits: RealtimeLimits = { ...limitsFrom(config), ...options.limits }
  const log = options.log ?? ((message: string) => payload.logger.warn(message))
  const io: RealtimeIo = new Server(httpServer, {
    path: REALTIME_PATH,
    transports: [...REALTIME_TRANSPORTS],
    serveClient: false,
    // Next's dev server upgrades its own HMR WebSocket on this HTTP server: leave upgrades
    // that are not ours alone instead of destroying them after a second.
    destroyUpgrade: false,
    maxHttpBufferSize: limits.maxMessageBytes,
    pingInterval: limits.pingIntervalMs,
    pingTimeout: limits.pingTimeoutMs,
    // A client that opened the transport but never finished the handshake is dropped.
    connectTimeout: 10_000,
    // Compression costs CPU and memory per socket for small JSON events (Socket.IO's own advice).
    perMessageDeflate: false,
    httpCompression: false,
    cors: { origin: config.SERVER_URL, credentials: true },
    // Connection-state recovery stays off: the Redis adapter cannot do it, and replay from
    // the database (lastEventId) is the delivery guarantee, across restarts too.
  })
  installAfterCommit(payload)

  const redisUrl = options.redisUrl === undefined ? config.REDIS_URL : options.redisUrl
  const redis = redisUrl ? createRedisAdapter(redisUrl, options.redisKey ?? config.REALTIME_REDIS_KEY, log) : undefined
  if (redis) io.adapter(redis.adapter)

  const handle: RealtimeHandle = {
    io,
    instanceId: `${os.hostname()}#${process.pid}#${randomBytes(3).toString('hex')}`,
    startedAt: new Date(),
    stats: new InstanceStats(),
    clustered: Boolean(redis),
  }
  const perIp = new ConnectionsPerIp(limits.maxConnectionsPerIp)
  const limiter = new MessageLimiter(limits)

  io.use(admitConnection({ payload, perIp, stats: handle.stats, instanceId: handle.instanceId, secret: config.PAYLOAD_SECRET, maxPerIp: limits.maxConnectionsPerIp, trustProxy: options.trustProxy ?? config.TRUST_PROXY }))
  io.on('connection', connectionHandler({ payload, limits, limiter, stats: handle.stats }))
  // Another instance asks for this one's figures (GET /api/admin/websocket/status).
  io.on('realtime:status', (reply) => reply(localStatus(handle)))
  const stopSweeping = sweepConnections(io, limits)

  setRealtimeServer(handle)
  return {
    ...handle,
    limits,
    close: async () => {
      if (getRealtimeServer() === handle) setRealtimeServer(undefined)
      stopSweeping()
      io.local.disconnectSockets(true)
      io.engine.close()
      // The disconnects above each append an audit row: let them land before the pool closes.
      await auditsWritten()
      await redis?.close()
    },
  }
}
