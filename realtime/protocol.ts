/**
 * The real-time protocol between the server (realtime/) and the browser (the useRealtime
 * hook): event names, payload shapes and the zod schemas the server validates every
 * client message with. Imported by browser code, so it must stay free of server-only
 * imports: zod and plain values only.
 *
 * Connecting: `io(SERVER_URL, { path: REALTIME_PATH, transports: REALTIME_TRANSPORTS,
 * auth: (cb) => cb({ token, lastEventId }) })`. `token` comes from
 * `GET /api/websocket/token` (valid 5 minutes, fetch a fresh one for every (re)connect);
 * without it the Payload session cookie is used. Refusals arrive as `connect_error` with a
 * readable `message` and `data.code` (a RealtimeErrorCode).
 */
import { z } from 'zod'

export const REALTIME_PATH = '/socket.io'
/** WebSocket only: no long-polling, so instances need no sticky sessions behind a load balancer. */
export const REALTIME_TRANSPORTS = ['websocket'] as const

/** Server → client events that carry a stored event; each is emitted under its own name. */
export const EVENT_TYPES = ['project_update', 'payment_update', 'notification', 'system_notification', 'admin_alert'] as const
export type RealtimeEventType = (typeof EVENT_TYPES)[number]

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const
export type RealtimePriority = (typeof PRIORITIES)[number]

export type RealtimeEventPayload = {
  title: string
  body: string | null
  priority: RealtimePriority
  /** Ids the portal needs to refresh what changed: projectId, invoiceId, announcementId, status… */
  data: Record<string, unknown>
  /** Whom the stored item is addressed to. Admins also see project and payment events of every client: those are not in their inbox. */
  audience: { user: number } | { role: string }
  /** Only on replayed events: whether this user has already marked the item read. Live events are new, so unread. */
  read?: boolean
}

/**
 * One event. `id` is the id of the stored notification: unique, increasing, the cursor to
 * send back as `lastEventId`. An event may arrive twice (live and in a replay racing it):
 * ignore ids already seen.
 */
export type RealtimeEvent = {
  id: number
  type: RealtimeEventType
  payload: RealtimeEventPayload
  /** ISO 8601: when the event was stored. */
  timestamp: string
}

export const SERVER_EVENTS = {
  /** After every connect, once the missed events (if any) have been sent. */
  ready: 'realtime:ready',
  /** Something the client sent was refused, or the server is about to close the connection. */
  error: 'realtime:error',
} as const

export type ReadyPayload = {
  userId: number
  role: string
  rooms: string[]
  /** The newest event id this user can see: keep it as the cursor if you had none. */
  lastEventId: number | null
  /** Events replayed on this connect (lastEventId given in the handshake). */
  replayed: number
  /** More missed events than one replay sends: ask for the rest with `replay`. */
  more: boolean
  /** When the server will close this connection (session end); reconnect with a fresh token. */
  expiresAt: string
  instanceId: string
}

export const CLIENT_EVENTS = {
  joinProject: 'project:join',
  leaveProject: 'project:leave',
  markRead: 'notifications:read',
  replay: 'replay',
} as const
export type ClientEventName = (typeof CLIENT_EVENTS)[keyof typeof CLIENT_EVENTS]

const id = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive').max(Number.MAX_SAFE_INTEGER)

const projectRef = z.object({ projectId: id }).strict()

/** Every client → server event and its payload. Anything else is refused with an error event. */
export const clientEventSchemas = {
  [CLIENT_EVENTS.joinProject]: projectRef,
  [CLIENT_EVENTS.leaveProject]: projectRef,
  [CLIENT_EVENTS.markRead]: z.union([
    z.object({ ids: z.array(id).min(1, 'give at least one id').max(500, 'at most 500 ids at once') }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ]),
  [CLIENT_EVENTS.replay]: z.object({ afterId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
} satisfies Record<ClientEventName, z.ZodType>

export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof clientEventSchemas)[E]>

/** `socket.handshake.auth`. */
export const handshakeAuthSchema = z
  .object({
    token: z.string().min(1).max(2048).optional(),
    lastEventId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>

export const REALTIME_ERROR_CODES = [
  // connect_error (data.code)
  'bad_handshake',
  'no_token',
  'bad_token',
  'expired_token',
  'session_ended',
  'too_many_connections',
  // realtime:error
  'unknown_event',
  'invalid_payload',
  'rate_limited',
  'forbidden',
  'server_error',
  // realtime:error sent just before the server closes the connection
  'session_expired',
  'idle',
  'disconnected',
] as const
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[number]

export type RealtimeError = { code: RealtimeErrorCode; message: string; event?: string }

/** What every client event's acknowledgement callback receives. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: RealtimeError }

export type ParsedClientEvent =
  | { ok: true; event: ClientEventName; data: unknown }
  | { ok: false; error: RealtimeError }

function isClientEvent(event: unknown): event is ClientEventName {
  return typeof event === 'string' && Object.prototype.hasOwnProperty.call(clientEventSchemas, event)
}

/** Validates one client message: a known event name and a payload matching its schema. */
export function parseClientEvent(event: unknown, body: unknown): ParsedClientEvent {
  if (!isClientEvent(event)) {
    const known = Object.keys(clientEventSchemas).join(', ')
    return { ok: false, error: { code: 'unknown_event', message: `Unknown event "${String(event).slice(0, 60)}". Known events: ${known}.`, event: String(event).slice(0, 60) } }
  }
  const result = clientEventSchemas[event].safeParse(body)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ')
    return { ok: false, error: { code: 'invalid_payload', message: `Invalid payload for "${event}": ${problems}.`, event } }
  }
  return { ok: true, event, data: result.data }
}
