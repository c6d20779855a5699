import { BadRequest } from '../lib/errors'
import { registeredCaches } from './cacheRegistry'

export type InvalidationResult = { prefix: string | null; removed: number; caches: { name: string; removed: number; keys: string[] }[] }

/**
 * Removes this instance's cached entries whose key starts with `prefix`, or all of them.
 * A prefix must begin with a registered cache's name (`bi`, `bi:`, `bi:summary:…`), so a
 * typo is a 400 rather than a silent no-op.
 */
export function invalidateCaches(prefix?: string): InvalidationResult {
  const caches = registeredCaches()
  const targets = prefix === undefined ? caches : caches.filter((cache) => prefix === cache.name || prefix.startsWith(`${cache.name}:`))
  if (prefix !== undefined && targets.length === 0) {
    throw new BadRequest(`prefix: ${prefix} names no cache; a prefix starts with ${caches.map((cache) => `${cache.name}:`).join(', ') || '(no caches registered)'}`)
  }
  const results = targets.map((cache) => {
    // The bare name means the whole cache.
    const keys = cache.invalidate(prefix === cache.name ? undefined : prefix)
    return { name: cache.name, removed: keys.length, keys: keys.sort() }
  })
  return { prefix: prefix ?? null, removed: results.reduce((sum, result) => sum + result.removed, 0), caches: results }
}
