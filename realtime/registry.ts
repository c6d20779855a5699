import type { InstanceStats } from './instanceStats'
import type { RealtimeIo } from './socketTypes'

/**
 * Where code running anywhere in this process finds the Socket.IO server. server.ts attaches
 * it, but Payload hooks and custom endpoints run inside Next's route handlers, whose module
 * instances differ from server.ts's: a module-level variable would be a different (empty)
 * one there. globalThis under a Symbol.for key is the same object for both.
 */
export type RealtimeHandle = {
  io: RealtimeIo
  instanceId: string
  startedAt: Date
  stats: InstanceStats
  /** True when a Redis adapter connects this instance to others. */
  clustered: boolean
}

const KEY = Symbol.for('jasaweb.realtime.server')

type Holder = typeof globalThis & { [KEY]?: RealtimeHandle }

export function setRealtimeServer(handle: RealtimeHandle | undefined): void {
  ;(globalThis as Holder)[KEY] = handle
}

export function getRealtimeServer(): RealtimeHandle | undefined {
  return (globalThis as Holder)[KEY]
}
