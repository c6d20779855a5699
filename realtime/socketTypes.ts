import type { Server, Socket } from 'socket.io'

/** What the server keeps on each socket (serialisable: other instances read it through fetchSockets). */
export type SocketData = {
  userId: number
  email: string
  role: string
  userCreatedAt: string
  sid: string
  /** When the session ends and the server closes the connection (ms since the epoch). */
  expiresAt: number
  via: 'token' | 'cookie'
  ip: string
  connectedAt: number
  instanceId: string
  /** The cursor sent in the handshake, if any. */
  lastEventId?: number
  /** The last client message (or the connect), for the idle limit. */
  lastMessageAt: number
  /** Set once the server has started closing it. */
  closing?: boolean
}

/** Inter-instance requests (serverSideEmit) over the Redis adapter. */
export type InterServerEvents = {
  'realtime:status': (reply: (status: unknown) => void) => void
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- server → client events are typed by protocol.ts, not by socket.io's event map
type AnyEvents = Record<string, (...args: any[]) => void>

export type RealtimeIo = Server<AnyEvents, AnyEvents, InterServerEvents, SocketData>
export type RealtimeSocket = Socket<AnyEvents, AnyEvents, InterServerEvents, SocketData>
