import os from 'node:os'

export type CacheInstance = { id: string; hostname: string; pid: number }

/** Which process the figures are from: every instance keeps its own caches. */
export function cacheInstance(): CacheInstance {
  const hostname = os.hostname()
  return { id: `${hostname}#${process.pid}`, hostname, pid: process.pid }
}
