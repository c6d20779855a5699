import type { PayloadRequest } from 'payload'

import { requestClientIp, writeAuditEntry } from '../hooks/recordAudit'
import type { CacheInstance } from './cacheInstance'
import type { InvalidationResult } from './invalidateCaches'

/**
 * An admin's invalidation in the audit log (action `cache_invalidate`, target `cache`, the
 * prefix or `*`). The entries are already gone: a failed write is logged, not reported as a
 * failed invalidation. Written with the pool, not req: the endpoint has no transaction.
 */
export async function auditCacheInvalidation(req: PayloadRequest, result: InvalidationResult, instance: CacheInstance): Promise<boolean> {
  const actor = req.user ? { id: Number(req.user.id), email: req.user.email ?? 'unknown' } : undefined
  const perCache = result.caches.map((cache) => `${cache.name}: ${cache.removed}`).join(', ')
  try {
    await writeAuditEntry(req.payload, {
      action: 'cache_invalidate',
      targetCollection: 'cache',
      targetId: result.prefix ?? '*',
      summary: `invalidated ${result.prefix ? `keys starting with ${result.prefix}` : 'every cache'} on ${instance.id}: ${result.removed} entries removed (${perCache || 'no caches'})`,
      actor,
      ip: requestClientIp(req),
    })
    return true
  } catch (err) {
    req.payload.logger.error({ err, msg: `audit of the cache invalidation on ${instance.id} failed` })
    return false
  }
}
