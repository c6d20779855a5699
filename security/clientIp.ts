import type { IncomingMessage } from 'node:http'

import { formatIpAddress, isTrustedHop, parseIpAddress, type TrustProxy } from './trustProxy'

/** Set by server.ts on every request (over whatever the client sent): the client's address, for the audit log. */
export const CLIENT_IP_HEADER = 'x-jasaweb-client-ip'

/**
 * The client's address, for rate limits, connection limits and the audit log. X-Forwarded-For is
 * walked from the right (the entry the nearest proxy appended) while the peer that wrote the
 * entry is trusted; the first address not trusted to speak for another is the client. Entries
 * left of it are never read, so a spoofed prefix changes nothing. An entry that has to be read
 * and is not an address (a broken proxy, or a client that came through fewer proxies than
 * configured) gives the socket's address, never an error.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  const peer = socketAddress === undefined ? null : parseIpAddress(socketAddress)
  if (!peer) return socketAddress ?? ''
  const socketIp = formatIpAddress(peer)
  if (trust.kind === 'none' || forwardedFor === undefined) return socketIp
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',')
  let client = peer
  for (let hop = 0; hop < chain.length && isTrustedHop(trust, client, hop); hop += 1) {
    const forwarded = parseIpAddress(chain[chain.length - 1 - hop]!.trim())
    if (!forwarded) return socketIp
    client = forwarded
  }
  return formatIpAddress(client)
}

/** Resolves the request's client address and writes it to CLIENT_IP_HEADER, replacing any value the client sent. */
export function stampClientIp(req: IncomingMessage, trust: TrustProxy): string {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust)
  req.headers[CLIENT_IP_HEADER] = ip
  return ip
}
