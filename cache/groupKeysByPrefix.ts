import type { CacheKeyInfo } from './cacheRegistry'

export type PrefixGroup = { prefix: string; entries: number; approxBytes: number; keys: string[] }

/** A key's group: its first two segments (`bi:summary:2025-01-01:…` → `bi:summary`). */
export function keyPrefix(key: string): string {
  return key.split(':').slice(0, 2).join(':')
}

/** Keys grouped by prefix, biggest group first; each group's keys sorted. */
export function groupKeysByPrefix(keys: readonly CacheKeyInfo[]): PrefixGroup[] {
  const groups = new Map<string, PrefixGroup>()
  for (const { key, approxBytes } of keys) {
    const prefix = keyPrefix(key)
    const group = groups.get(prefix) ?? { prefix, entries: 0, approxBytes: 0, keys: [] }
    group.entries += 1
    group.approxBytes += approxBytes
    group.keys.push(key)
    groups.set(prefix, group)
  }
  for (const group of groups.values()) group.keys.sort()
  return [...groups.values()].sort((a, b) => b.entries - a.entries || a.prefix.localeCompare(b.prefix))
}
