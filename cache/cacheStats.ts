import { cacheInstance, type CacheInstance } from './cacheInstance'
import { registeredCaches, type CacheCounters } from './cacheRegistry'
import { groupKeysByPrefix, type PrefixGroup } from './groupKeysByPrefix'

export type CacheStats = CacheCounters & {
  name: string
  description: string
  ttlSeconds: number
  maxEntries: number
  entries: number
  approxBytes: number
  /** hits / (hits + misses); null before the first lookup. */
  hitRate: number | null
  byPrefix: PrefixGroup[]
}

export type CacheStatsReport = {
  scope: 'instance'
  note: string
  instance: CacheInstance
  at: string
  totals: { caches: number; entries: number; approxBytes: number; hits: number; misses: number; hitRate: number | null; invalidations: number }
  caches: CacheStats[]
}

export const PER_INSTANCE_NOTE = "These figures are this instance's only: each process keeps its own caches, and another instance's differ."

const hitRate = (hits: number, misses: number) => (hits + misses === 0 ? null : hits / (hits + misses))

/** Every registered cache's counters and live entries, as this instance sees them at `now`. */
export function cacheStats(now = Date.now()): CacheStatsReport {
  const caches = registeredCaches().map((cache): CacheStats => {
    const counters = cache.counters()
    const keys = cache.keys(now)
    return {
      name: cache.name,
      description: cache.description,
      ttlSeconds: cache.ttlSeconds,
      maxEntries: cache.maxEntries,
      entries: keys.length,
      approxBytes: keys.reduce((sum, key) => sum + key.approxBytes, 0),
      ...counters,
      hitRate: hitRate(counters.hits, counters.misses),
      byPrefix: groupKeysByPrefix(keys),
    }
  })
  const sum = (pick: (cache: CacheStats) => number) => caches.reduce((total, cache) => total + pick(cache), 0)
  const hits = sum((cache) => cache.hits)
  const misses = sum((cache) => cache.misses)
  return {
    scope: 'instance',
    note: PER_INSTANCE_NOTE,
    instance: cacheInstance(),
    at: new Date(now).toISOString(),
    totals: { caches: caches.length, entries: sum((cache) => cache.entries), approxBytes: sum((cache) => cache.approxBytes), hits, misses, hitRate: hitRate(hits, misses), invalidations: sum((cache) => cache.invalidations) },
    caches,
  }
}
