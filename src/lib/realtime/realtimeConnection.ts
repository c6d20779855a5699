'use client'

import { io, type Socket } from 'socket.io-client'

import {
  CLIENT_EVENTS,
  EVENT_TYPES,
  REALTIME_PATH,
  REALTIME_TRANSPORTS,
  SERVER_EVENTS,
  type Ack,
  type ReadyPayload,
  type RealtimeError,
  type RealtimeEvent,
} from '../../../realtime/protocol'

/**
 * The tab's one Socket.IO connection, shared by every component that uses `useRealtime`.
 * Subscribers are counted; the connection opens with the first and closes shortly after
 * the last leaves, so React StrictMode's mount → unmount → mount reuses it instead of
 * leaving a ghost connection behind.
 *
 * Every (re)connect fetches a fresh 5-minute token and sends the last event id this tab
 * saw (kept in localStorage, so a reload or a server restart replays what was missed).
 * Socket.IO reconnects by itself after a dropped connection; a refused handshake (expired
 * token, server restarting) does not, so those retries run here, with exponential backoff
 * and jitter so a restarted server is not hit by every tab at once.
 */

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'signed_out'

type Listener = {
  onEvent?: (event: RealtimeEvent) => void
  onStatus?: (status: ConnectionStatus, error?: RealtimeError) => void
}

const CLOSE_DELAY_MS = 1_000
const BACKOFF_BASE_MS = 1_000
const BACKOFF_MAX_MS = 30_000
const SEEN_LIMIT = 2_000
/** Refusals that another try with a fresh token cannot fix: the user is not logged in. */
const SIGNED_OUT = new Set(['no_token', 'session_ended', 'bad_token'])

export function backoffDelay(attempt: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt)
  // "Full jitter": anywhere between half the ceiling and the ceiling.
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

class RealtimeConnection {
  private socket: Socket | undefined
  private listeners = new Set<Listener>()
  private closeTimer: ReturnType<typeof setTimeout> | undefined
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private failures = 0
  private seen = new Set<number>()
  // Per user: the cursor of whoever last connected in this browser, until `ready` says who this is.
  private cursorKey = `jasaweb:lastEventId:${globalThis.localStorage?.getItem('jasaweb:lastUser') ?? 'none'}`
  status: ConnectionStatus = 'offline'
  ready: ReadyPayload | undefined

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    clearTimeout(this.closeTimer)
    if (!this.socket) this.open()
    listener.onStatus?.(this.status)
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS)
    }
  }

  emit<T extends object>(event: string, payload: unknown): Promise<Ack<T>> {
    const socket = this.socket
    if (!socket?.connected) return Promise.resolve({ ok: false, error: { code: 'server_error', message: 'Tidak terhubung ke server.' } })
    return socket.timeout(5_000).emitWithAck(event, payload).catch(() => ({ ok: false, error: { code: 'server_error', message: 'Server tidak menjawab.' } }))
  }

  private lastEventId(): number | undefined {
    const stored = Number(globalThis.localStorage?.getItem(this.cursorKey))
    return Number.isSafeInteger(stored) && stored > 0 ? stored : undefined
  }

  private remember(id: number) {
    if (id > (this.lastEventId() ?? 0)) globalThis.localStorage?.setItem(this.cursorKey, String(id))
  }

  private setStatus(status: ConnectionStatus, error?: RealtimeError) {
    this.status = status
    for (const listener of this.listeners) listener.onStatus?.(status, error)
  }

  private open() {
    this.setStatus('connecting')
    const socket = io({
      path: REALTIME_PATH,
      transports: [...REALTIME_TRANSPORTS],
      withCredentials: true,
      reconnectionDelay: BACKOFF_BASE_MS,
      reconnectionDelayMax: BACKOFF_MAX_MS,
      randomizationFactor: 0.5,
      auth: (send) => {
        void fetch('/api/websocket/token', { credentials: 'same-origin', cache: 'no-store' })
          .then(async (response) => (response.ok ? ((await response.json()) as { token?: string }).token : undefined))
          .catch(() => undefined)
          .then((token) => send({ ...(token ? { token } : {}), ...(this.lastEventId() ? { lastEventId: this.lastEventId() } : {}) }))
      },
    })
    this.socket = socket

    socket.on(SERVER_EVENTS.ready, (ready: ReadyPayload) => {
      this.ready = ready
      this.failures = 0
      // A user change in this tab (logout, another login) starts a new cursor.
      this.cursorKey = `jasaweb:lastEventId:${ready.userId}`
      globalThis.localStorage?.setItem('jasaweb:lastUser', String(ready.userId))
      if (ready.lastEventId !== null && this.lastEventId() === undefined) this.remember(ready.lastEventId)
      if (ready.more) void this.emit(CLIENT_EVENTS.replay, { afterId: this.lastEventId() ?? 0 })
      this.setStatus('connected')
    })
    for (const type of EVENT_TYPES) socket.on(type, (event: RealtimeEvent) => this.deliver(event))
    socket.on(SERVER_EVENTS.error, (error: RealtimeError) => {
      if (error.code === 'session_expired') this.setStatus('reconnecting', error)
    })
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return
      // The server closed us (session ended, forced disconnect): a new handshake decides.
      if (reason === 'io server disconnect') this.retryLater()
      this.setStatus('reconnecting')
    })
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code
      if (code && SIGNED_OUT.has(code)) {
        this.setStatus('signed_out', { code: code as RealtimeError['code'], message: error.message })
        return
      }
      // Middleware refusals stop Socket.IO's own reconnection; transport errors do not.
      if (!socket.active) this.retryLater()
      this.setStatus('reconnecting', code ? { code: code as RealtimeError['code'], message: error.message } : undefined)
    })
  }

  private retryLater() {
    clearTimeout(this.retryTimer)
    const delay = backoffDelay(this.failures++)
    this.retryTimer = setTimeout(() => this.socket?.connect(), delay)
  }

  private deliver(event: RealtimeEvent) {
    // Live and replayed copies of one event can race: each id is delivered once.
    if (this.seen.has(event.id)) return
    this.seen.add(event.id)
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as number)
    this.remember(event.id)
    for (const listener of this.listeners) listener.onEvent?.(event)
  }

  private close() {
    clearTimeout(this.retryTimer)
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    this.socket = undefined
    this.setStatus('offline')
  }
}

let shared: RealtimeConnection | undefined

/** The tab's connection (created on first use, in the browser only). */
export function realtimeConnection(): RealtimeConnection {
  shared ??= new RealtimeConnection()
  return shared
}
