import type http from 'node:http'
import type { Duplex } from 'node:stream'

import { REALTIME_PATH } from './protocol'

const REALTIME_PREFIX = `${REALTIME_PATH.replace(/\/$/, '')}/`

/** Engine.io's own test for the upgrades it takes (its path, then a slash). */
export function isRealtimeUpgrade(url: string | undefined): boolean {
  return url?.slice(0, REALTIME_PREFIX.length) === REALTIME_PREFIX
}

/**
 * Next hooks an `upgrade` listener onto the server of the first request it serves and runs
 * every upgrade through its router, Socket.IO's included: that tags each upgrade request
 * with Next's metadata, and engine.io keeps the request for the socket's whole life (about
 * 1.6 KB more per connection, as the object turns into a dictionary). So Next is given a
 * server of its own that never listens (its `httpServer` option), and the real server
 * passes it only the upgrades that are not Socket.IO's, such as the dev server's HMR.
 */
export function relayOtherUpgrades(server: http.Server, nextServer: http.Server): void {
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isRealtimeUpgrade(request.url)) nextServer.emit('upgrade', request, socket, head)
  })
}
