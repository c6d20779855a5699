/**
 * The app's in-memory caches, listed for GET /api/admin/cache and invalidated by
 * POST /api/admin/cache-manage. A cache registers itself when its module loads; every key it
 * holds starts with `${name}:`, so a prefix names its cache. The registry lives on globalThis:
 * server.ts and Next's route handlers hold separate copies of each module.
 */
export type CacheKeyInfo = { key: string; approxBytes: number }

export type CacheCounters = {
  hits: number
  misses: number
  /** Invalidations asked for (after a commit, or by an admin), whole or by prefix. */
  invalidations: number
  /** Entries those invalidations removed. */
  invalidatedEntries: number
  /** Entries dropped to stay within maxEntries. */
  evictions: number
}

export type RegisteredCache = {
  name: string
  description: string
  ttlSeconds: number
  maxEntries: number
  counters: () => CacheCounters
  /** The entries a lookup could be served from now (expired ones left out), with their sizes. */
  keys: (now: number) => CacheKeyInfo[]
  /** Removes the entries whose key starts with `prefix` (all of them without one); returns their keys. */
  invalidate: (prefix?: string) => string[]
}

const KEY = Symbol.for('jasaweb.cache.registry')

function registry(): Map<string, RegisteredCache> {
  const holder = globalThis as unknown as Record<symbol, Map<string, RegisteredCache> | undefined>
  holder[KEY] ??= new Map()
  return holder[KEY]
}

/** Adds (or, from another module copy, replaces) the cache named `cache.name`. */
export function registerCache(cache: RegisteredCache): void {
  if (!/^[a-z][a-z0-9-]*$/.test(cache.name)) throw new Error(`cache name ${cache.name} must be lower-case letters, digits and dashes`)
  registry().set(cache.name, cache)
}

export function registeredCaches(): RegisteredCache[] {
  return [...registry().values()].sort((a, b) => a.name.localeCompare(b.name))
}
