import type { Endpoint, PayloadHandler } from 'payload'

import { adminHandler } from '../access/requireAdmin'
import { auditCacheInvalidation } from '../cache/auditCacheInvalidation'
import { cacheInstance } from '../cache/cacheInstance'
import { cacheManageSchema, cacheStatsQuerySchema } from '../cache/cacheInput'
import { cacheStats, PER_INSTANCE_NOTE } from '../cache/cacheStats'
import { invalidateCaches } from '../cache/invalidateCaches'
import { NO_STORE, queryParams, readJsonBody } from '../lib/http'
import { cacheManageDoc, cacheStatsDoc } from '../openapi/docs/adminDocs'
import { documented } from '../openapi/endpointDoc'
// Loaded here too so the BI cache is registered in whichever module copy answers.
import '../bi/biCache'

const REFUSAL = 'Only admins can see or manage the caches.'

/** GET /api/admin/cache — admins: this instance's caches (hit rate, size, keys by prefix, invalidations, TTL). */
const stats: PayloadHandler = adminHandler(REFUSAL, async (req) => {
  cacheStatsQuerySchema.parse(queryParams(req))
  return Response.json(cacheStats(), { headers: NO_STORE })
})

/** POST /api/admin/cache-manage — admins: `{ action: 'invalidate', prefix? }` on this instance; audit-logged. */
const manage: PayloadHandler = adminHandler(REFUSAL, async (req) => {
  const input = cacheManageSchema.parse(await readJsonBody(req))
  const result = invalidateCaches(input.prefix)
  const instance = cacheInstance()
  const audited = await auditCacheInvalidation(req, result, instance)
  return Response.json({ action: input.action, ...result, scope: 'instance', note: PER_INSTANCE_NOTE, instance, audited }, { headers: NO_STORE })
})

export const cacheAdminEndpoints: Endpoint[] = [
  documented({ path: '/admin/cache', method: 'get', handler: stats }, cacheStatsDoc),
  documented({ path: '/admin/cache-manage', method: 'post', handler: manage }, cacheManageDoc),
]
