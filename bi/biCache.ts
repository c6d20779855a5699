import { registerCache } from '../cache/cacheRegistry'

/**
 * Computed BI reports, kept until invoices, projects or users change (the hooks and the
 * payment path call invalidateBiCache after their commit), and at most CACHE_TTL_MS: the
 * bound on staleness when another instance made the change. Shared through globalThis,
 * because Next's route handlers and server.ts (the webhook) hold separate module copies.
 * Keys are `bi:{report}:{parameters…}` (biCacheKey), so an admin can drop one report's.
 */
const CACHE_TTL_MS = 5 * 60_000
const MAX_ENTRIES = 500
const NAME = 'bi'

type Entry = {
  value: Promise<unknown>
  storedAt: number
  generation: number
  /** The computed value once it has arrived, for the stats' size. */
  settled?: { value: unknown }
  approxBytes?: number
}
type CacheState = {
  entries: Map<string, Entry>
  generation: number
  hits: number
  misses: number
  invalidations: number
  invalidatedEntries: number
  evictions: number
}

const KEY = Symbol.for('jasaweb.bi.cache')

function state(): CacheState {
  const holder = globalThis as unknown as Record<symbol, CacheState | undefined>
  holder[KEY] ??= { entries: new Map(), generation: 0, hits: 0, misses: 0, invalidations: 0, invalidatedEntries: 0, evictions: 0 }
  return holder[KEY]
}

/** `bi:summary:2025-01-01:2025-03-31:month`: the report's name, then its parameters. */
export function biCacheKey(report: string, ...parameters: (string | number)[]): string {
  return [NAME, report, ...parameters].join(':')
}

const isLive = (cache: CacheState, entry: Entry, now: number) => entry.generation === cache.generation && now - entry.storedAt < CACHE_TTL_MS

/** The cached value of `key`, or `compute()`'s (one computation at a time per key). */
export async function cachedReport<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<{ value: T; cached: boolean }> {
  const cache = state()
  const entry = cache.entries.get(key)
  if (entry && isLive(cache, entry, now)) {
    cache.hits += 1
    return { value: (await entry.value) as T, cached: true }
  }
  cache.misses += 1
  const generation = cache.generation
  const value = compute()
  const stored: Entry = { value, storedAt: now, generation }
  cache.entries.set(key, stored)
  if (cache.entries.size > MAX_ENTRIES) {
    cache.entries.delete(cache.entries.keys().next().value!)
    cache.evictions += 1
  }
  try {
    const result = await value
    stored.settled = { value: result }
    return { value: result, cached: false }
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
  cache.invalidatedEntries += cache.entries.size
  cache.entries.clear()
}

/** Drops the reports whose key starts with `prefix` (all without one); returns their keys. */
export function invalidateBiCacheKeys(prefix?: string): string[] {
  const cache = state()
  if (prefix === undefined || `${NAME}:`.startsWith(prefix)) {
    const keys = [...cache.entries.keys()]
    invalidateBiCache()
    return keys
  }
  // A computation still running for a removed key is not put back: the next lookup recomputes.
  const keys = [...cache.entries.keys()].filter((key) => key.startsWith(prefix))
  for (const key of keys) cache.entries.delete(key)
  cache.invalidations += 1
  cache.invalidatedEntries += keys.length
  return keys
}

/** Size of an entry: its key and its value as JSON (what it would weigh sent), measured once. */
function approxBytes(key: string, entry: Entry): number {
  if (!entry.settled) return Buffer.byteLength(key)
  entry.approxBytes ??= Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(entry.settled.value) ?? '')
  return entry.approxBytes
}

export function biCacheStats() {
  const cache = state()
  const lookups = cache.hits + cache.misses
  return { entries: cache.entries.size, hits: cache.hits, misses: cache.misses, hitRate: lookups === 0 ? null : cache.hits / lookups, invalidations: cache.invalidations, ttlSeconds: CACHE_TTL_MS / 1000 }
}

registerCache({
  name: NAME,
  description: 'BI reports (GET /api/admin/bi/*), emptied after invoices, projects or users change',
  ttlSeconds: CACHE_TTL_MS / 1000,
  maxEntries: MAX_ENTRIES,
  counters: () => {
    const { hits, misses, invalidations, invalidatedEntries, evictions } = state()
    return { hits, misses, invalidations, invalidatedEntries, evictions }
  },
  keys: (now) => {
    const cache = state()
    return [...cache.entries].filter(([, entry]) => isLive(cache, entry, now)).map(([key, entry]) => ({ key, approxBytes: approxBytes(key, entry) }))
  },
  invalidate: invalidateBiCacheKeys,
})
