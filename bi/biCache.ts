/**
 * Computed BI reports, kept until invoices, projects or users change (the hooks and the
 * payment path call invalidateBiCache after their commit), and at most CACHE_TTL_MS: the
 * bound on staleness when another instance made the change. Shared through globalThis,
 * because Next's route handlers and server.ts (the webhook) hold separate module copies.
 */
const CACHE_TTL_MS = 5 * 60_000
const MAX_ENTRIES = 500

type Entry = { value: Promise<unknown>; storedAt: number; generation: number }
type CacheState = { entries: Map<string, Entry>; generation: number; hits: number; misses: number; invalidations: number }

const KEY = Symbol.for('jasaweb.bi.cache')

function state(): CacheState {
  const holder = globalThis as unknown as Record<symbol, CacheState | undefined>
  holder[KEY] ??= { entries: new Map(), generation: 0, hits: 0, misses: 0, invalidations: 0 }
  return holder[KEY]
}

/** The cached value of `key`, or `compute()`'s (one computation at a time per key). */
export async function cachedReport<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<{ value: T; cached: boolean }> {
  const cache = state()
  const entry = cache.entries.get(key)
  if (entry && entry.generation === cache.generation && now - entry.storedAt < CACHE_TTL_MS) {
    cache.hits += 1
    return { value: (await entry.value) as T, cached: true }
  }
  cache.misses += 1
  const generation = cache.generation
  const value = compute()
  cache.entries.set(key, { value, storedAt: now, generation })
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!)
  try {
    return { value: await value, cached: false }
  } catch (error) {
    // A failed computation is not kept.
    if (cache.entries.get(key)?.value === value) cache.entries.delete(key)
    throw error
  }
}

/** Every cached report is stale from now on. */
export function invalidateBiCache(): void {
  const cache = state()
  cache.generation += 1
  cache.invalidations += 1
  cache.entries.clear()
}

export function biCacheStats() {
  const cache = state()
  const lookups = cache.hits + cache.misses
  return { entries: cache.entries.size, hits: cache.hits, misses: cache.misses, hitRate: lookups === 0 ? null : cache.hits / lookups, invalidations: cache.invalidations, ttlSeconds: CACHE_TTL_MS / 1000 }
}
