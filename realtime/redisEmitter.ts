import type { Emitter } from '@socket.io/redis-emitter'

import { getConfig } from '../lib/env'

/**
 * How a process without a Socket.IO server (a worker, a script) reaches the clients of every
 * instance: @socket.io/redis-emitter publishes on the channel the instances' Redis adapter
 * listens to. Created on first use; loaded lazily so the Next bundle only pulls ioredis in
 * when it is needed.
 */
const KEY = Symbol.for('jasaweb.realtime.redisEmitter')

type Holder = typeof globalThis & { [KEY]?: Promise<Emitter> }

export function redisEmitter(): Promise<Emitter> | undefined {
  const { REDIS_URL, REALTIME_REDIS_KEY } = getConfig()
  if (!REDIS_URL) return undefined
  const holder = globalThis as Holder
  holder[KEY] ??= (async () => {
    const [{ Emitter }, { Redis }] = await Promise.all([import('@socket.io/redis-emitter'), import('ioredis')])
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 })
    // ioredis reconnects by itself; an unhandled 'error' event would crash the process.
    client.on('error', () => undefined)
    return new Emitter(client, { key: REALTIME_REDIS_KEY })
  })()
  return holder[KEY]
}

/** Closes the emitter's Redis connection (scripts call this before exiting). */
export async function closeRedisEmitter(): Promise<void> {
  const holder = globalThis as Holder
  const pending = holder[KEY]
  holder[KEY] = undefined
  if (pending) await (await pending).redisClient.quit()
}
