import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import type { AppConfig } from '../lib/env'

export type RealtimeLimits = {
  maxConnectionsPerIp: number
  messagesPerMinute: number
  /** Refused messages before the connection is closed. */
  maxStrikes: number
  maxMessageBytes: number
  pingIntervalMs: number
  pingTimeoutMs: number
  /** No client message for this long → the connection is closed (the client reconnects and is re-authorised). 0 = never. */
  idleTimeoutMs: number
}

export function limitsFrom(config: AppConfig): RealtimeLimits {
  return {
    maxConnectionsPerIp: config.REALTIME_MAX_CONNECTIONS_PER_IP,
    messagesPerMinute: config.REALTIME_MESSAGES_PER_MINUTE,
    maxStrikes: config.REALTIME_MAX_STRIKES,
    maxMessageBytes: config.REALTIME_MAX_MESSAGE_BYTES,
    pingIntervalMs: config.REALTIME_PING_INTERVAL_MS,
    pingTimeoutMs: config.REALTIME_PING_TIMEOUT_MS,
    idleTimeoutMs: config.REALTIME_IDLE_TIMEOUT_MS,
  }
}

/**
 * Open connections per client IP on this instance. Counted from the handshake to the
 * transport's close, so a handshake that dies half-way gives its slot back too.
 */
export class ConnectionsPerIp {
  private readonly open = new Map<string, number>()
  constructor(private readonly max: number) {}

  /** Takes a slot, or returns false when the address is at its limit. */
  take(ip: string): boolean {
    const count = this.open.get(ip) ?? 0
    if (count >= this.max) return false
    this.open.set(ip, count + 1)
    return true
  }

  release(ip: string): void {
    const count = (this.open.get(ip) ?? 1) - 1
    if (count <= 0) this.open.delete(ip)
    else this.open.set(ip, count)
  }

  count(ip: string): number {
    return this.open.get(ip) ?? 0
  }
}

export type MessageVerdict = { allowed: true } | { allowed: false; strikes: number; retryAfterMs: number; disconnect: boolean }

/**
 * Client messages per connection per minute (rate-limiter-flexible, in memory: a socket
 * lives on one instance). Each refused message is a strike; at maxStrikes the connection
 * is closed.
 */
export class MessageLimiter {
  private readonly limiter: RateLimiterMemory
  private readonly strikes = new Map<string, number>()
  constructor(private readonly limits: Pick<RealtimeLimits, 'messagesPerMinute' | 'maxStrikes'>) {
    this.limiter = new RateLimiterMemory({ points: limits.messagesPerMinute, duration: 60 })
  }

  async consume(socketId: string): Promise<MessageVerdict> {
    try {
      await this.limiter.consume(socketId)
      return { allowed: true }
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      const strikes = (this.strikes.get(socketId) ?? 0) + 1
      this.strikes.set(socketId, strikes)
      return { allowed: false, strikes, retryAfterMs: rejection.msBeforeNext, disconnect: strikes >= this.limits.maxStrikes }
    }
  }

  /** Idle clean-up: a closed connection's counters go with it. */
  forget(socketId: string): void {
    this.strikes.delete(socketId)
    void this.limiter.delete(socketId)
  }
}
