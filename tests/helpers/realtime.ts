import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { io, type Socket } from 'socket.io-client'

import { attachRealtime, type AttachOptions, type RealtimeServer } from '../../realtime/attachRealtime'
import { REALTIME_PATH, SERVER_EVENTS, type RealtimeError, type RealtimeEvent, type ReadyPayload } from '../../realtime/protocol'
import type { Api } from './api'
import type { TestContext } from './testPayload'

export type RealtimeHarness = {
  url: string
  realtime: RealtimeServer
  /** Closes the sockets, then the HTTP server. */
  close: () => Promise<void>
}

/** Socket.IO on a plain HTTP server of its own (no Next), on this test file's Payload. */
export async function startRealtime(ctx: TestContext, options: AttachOptions = {}): Promise<RealtimeHarness> {
  const server = http.createServer((_req, res) => {
    res.statusCode = 404
    res.end()
  })
  const realtime = attachRealtime(server, ctx.payload, { redisUrl: null, log: () => undefined, ...options })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    realtime,
    close: async () => {
      await realtime.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type Received = { event: string; args: unknown[]; at: number }

export type TestClient = {
  socket: Socket
  ready: ReadyPayload
  /** Everything the server sent, in order (events, errors, ready). */
  received: Received[]
  events: (type?: string) => RealtimeEvent[]
  errors: () => RealtimeError[]
  /** Resolves with the first matching message (already received or still to come). */
  waitFor: <T = unknown>(event: string, match?: (payload: T) => boolean, timeoutMs?: number) => Promise<T>
  /** Resolves with the disconnect reason. */
  disconnected: () => Promise<string>
  emitWithAck: <T = any>(event: string, ...args: unknown[]) => Promise<T>
  close: () => void
}

export type ConnectOptions = {
  token?: string
  lastEventId?: number
  /** Raw handshake auth (to send malformed ones). */
  auth?: Record<string, unknown>
  headers?: Record<string, string>
}

export class ConnectRefused extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

/** Connects one client (WebSocket only, no automatic reconnection); resolves on `realtime:ready`. */
export function connectClient(url: string, options: ConnectOptions = {}): Promise<TestClient> {
  const auth = options.auth ?? { ...(options.token ? { token: options.token } : {}), ...(options.lastEventId !== undefined ? { lastEventId: options.lastEventId } : {}) }
  const socket = io(url, { path: REALTIME_PATH, transports: ['websocket'], reconnection: false, forceNew: true, auth, extraHeaders: options.headers, timeout: 10_000 })
  const received: Received[] = []
  const listeners = new Set<() => void>()
  socket.onAny((event: string, ...args: unknown[]) => {
    received.push({ event, args, at: Date.now() })
    for (const listener of listeners) listener()
  })
  let disconnectReason: string | undefined
  const disconnectWaiters: ((reason: string) => void)[] = []
  socket.on('disconnect', (reason) => {
    disconnectReason = reason
    for (const resolve of disconnectWaiters) resolve(reason)
  })

  const waitFor = <T,>(event: string, match: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const find = () => received.find((item) => item.event === event && match(item.args[0] as T))
      const found = find()
      if (found) return resolve(found.args[0] as T)
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`no "${event}" within ${timeoutMs} ms; received: ${received.map((item) => item.event).join(', ') || 'nothing'}`))
      }, timeoutMs)
      const check = () => {
        const hit = find()
        if (!hit) return
        clearTimeout(timer)
        listeners.delete(check)
        resolve(hit.args[0] as T)
      }
      listeners.add(check)
    })

  const client = (ready: ReadyPayload): TestClient => ({
    socket,
    ready,
    received,
    events: (type) => received.filter((item) => (type ? item.event === type : item.event !== SERVER_EVENTS.ready && item.event !== SERVER_EVENTS.error)).map((item) => item.args[0] as RealtimeEvent),
    errors: () => received.filter((item) => item.event === SERVER_EVENTS.error).map((item) => item.args[0] as RealtimeError),
    waitFor,
    disconnected: () => (disconnectReason !== undefined ? Promise.resolve(disconnectReason) : new Promise((done) => disconnectWaiters.push(done))),
    emitWithAck: (event, ...args) => socket.timeout(5000).emitWithAck(event, ...args),
    close: () => socket.close(),
  })

  return new Promise<TestClient>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close()
      reject(new Error(`no ${SERVER_EVENTS.ready} within 15 s`))
    }, 15_000)
    socket.once(SERVER_EVENTS.ready, (ready: ReadyPayload) => {
      clearTimeout(timer)
      resolve(client(ready))
    })
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      clearTimeout(timer)
      socket.close()
      reject(new ConnectRefused(error.message, error.data?.code))
    })
  })
}

/** Expects a refusal and returns it. */
export async function refusedConnect(url: string, options: ConnectOptions = {}): Promise<ConnectRefused> {
  try {
    const client = await connectClient(url, options)
    client.close()
  } catch (error) {
    if (error instanceof ConnectRefused) return error
    throw error
  }
  throw new Error('the connection was accepted')
}

/** A handshake token from the real endpoint, for a logged-in JWT. */
export async function websocketToken(api: Api, jwt: string): Promise<string> {
  const response = await api.rest('GET', '/websocket/token', { token: jwt })
  if (response.status !== 200) throw new Error(`GET /websocket/token: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.token as string
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
