import { cacheStats } from '../../cache/cacheStats'
import { registerCache } from '../../cache/cacheRegistry'
import { groupKeysByPrefix, keyPrefix } from '../../cache/groupKeysByPrefix'
import { invalidateCaches } from '../../cache/invalidateCaches'

/** A stand-in cache: keys in a set, every key 10 bytes. */
function fakeCache(name: string, keys: string[]) {
  const held = new Set(keys)
  const counters = { hits: 3, misses: 1, invalidations: 0, invalidatedEntries: 0, evictions: 0 }
  registerCache({
    name,
    description: `${name} for tests`,
    ttlSeconds: 60,
    maxEntries: 10,
    counters: () => counters,
    keys: () => [...held].map((key) => ({ key, approxBytes: 10 })),
    invalidate: (prefix) => {
      const removed = [...held].filter((key) => prefix === undefined || key.startsWith(prefix))
      for (const key of removed) held.delete(key)
      counters.invalidations += 1
      return removed
    },
  })
  return held
}

describe('cache keys by prefix', () => {
  it('groups by the first two segments, biggest group first', () => {
    expect(keyPrefix('bi:summary:2025-01-01:2025-03-31:month')).toBe('bi:summary')
    expect(keyPrefix('plain')).toBe('plain')
    const groups = groupKeysByPrefix([
      { key: 'bi:summary:a', approxBytes: 5 },
      { key: 'bi:revenue:b', approxBytes: 7 },
      { key: 'bi:revenue:a', approxBytes: 1 },
    ])
    expect(groups).toEqual([
      { prefix: 'bi:revenue', entries: 2, approxBytes: 8, keys: ['bi:revenue:a', 'bi:revenue:b'] },
      { prefix: 'bi:summary', entries: 1, approxBytes: 5, keys: ['bi:summary:a'] },
    ])
  })
})

describe('the cache registry', () => {
  it('adds every registered cache to the stats, with totals and this instance', () => {
    fakeCache('alpha', ['alpha:x:1', 'alpha:y:1'])
    fakeCache('beta', ['beta:x:1'])
    const report = cacheStats(Date.parse('2026-01-01T00:00:00Z'))
    expect(report.caches.map((cache) => cache.name)).toEqual(['alpha', 'beta'])
    expect(report.caches[0]).toMatchObject({ entries: 2, approxBytes: 20, hits: 3, misses: 1, hitRate: 0.75, ttlSeconds: 60 })
    expect(report.totals).toMatchObject({ caches: 2, entries: 3, approxBytes: 30, hits: 6, misses: 2, hitRate: 0.75 })
    expect(report.instance.pid).toBe(process.pid)
    expect(report.at).toBe('2026-01-01T00:00:00.000Z')
  })

  it('sends a prefix to its own cache only, the bare name empties that cache, and an unknown prefix is refused', () => {
    const alpha = fakeCache('alpha', ['alpha:x:1', 'alpha:x:2', 'alpha:y:1'])
    const beta = fakeCache('beta', ['beta:x:1'])
    expect(invalidateCaches('alpha:x')).toEqual({ prefix: 'alpha:x', removed: 2, caches: [{ name: 'alpha', removed: 2, keys: ['alpha:x:1', 'alpha:x:2'] }] })
    expect([...alpha]).toEqual(['alpha:y:1'])
    expect(beta.size).toBe(1)
    expect(invalidateCaches('alpha').removed).toBe(1)
    expect(() => invalidateCaches('gamma:x')).toThrow(/prefix: gamma:x names no cache/)
    expect(() => invalidateCaches('alphabet')).toThrow(/prefix/)
    expect(invalidateCaches()).toMatchObject({ prefix: null, removed: 1 })
    expect(beta.size).toBe(0)
  })

  it('refuses a cache name that could not be a key prefix', () => {
    expect(() => fakeCache('Bad:Name', [])).toThrow(/lower-case/)
  })
})
