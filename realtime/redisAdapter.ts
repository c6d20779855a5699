import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'

/**
 * Several instances: the Redis pub/sub adapter relays every room emit to the other
 * instances, so an event reaches its user on whichever instance holds the socket. It is
 * fire-and-forget: while Redis is down, packets reach only this instance's clients; the
 * stored notifications are replayed on the next connect, so nothing is lost for good.
 */
export function createRedisAdapter(url: string, key: string, log: (message: string) => void) {
  const pub = new Redis(url, { maxRetriesPerRequest: 3 })
  const sub = pub.duplicate()
  let lastError = ''
  for (const client of [pub, sub]) {
    // ioredis reconnects by itself; log each new problem once instead of crashing.
    client.on('error', (error: Error) => {
      if (error.message !== lastError) log(`redis: ${error.message}`)
      lastError = error.message
    })
    client.on('ready', () => {
      lastError = ''
    })
  }
  return {
    adapter: createAdapter(pub, sub, { key, requestsTimeout: 3000 }),
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()])
    },
  }
}
