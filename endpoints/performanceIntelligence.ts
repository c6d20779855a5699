import type { Endpoint, PayloadHandler } from 'payload'

import { adminHandler } from '../access/requireAdmin'
import { sqlExecutor } from '../db/sqlExecutor'
import { getConfig } from '../lib/env'
import { NO_STORE, queryParams } from '../lib/http'
import { performanceIntelligenceDoc } from '../openapi/docs/adminDocs'
import { documented } from '../openapi/endpointDoc'
import { buildPerformanceReport } from '../performance/buildPerformanceReport'
import { performanceQuerySchema } from '../performance/performanceParams'

/**
 * GET /api/admin/performance-intelligence?minutes=&threshold=&window=&horizon=&confidence=
 * — admins only: the server's recorded minutes, anomalies, trends, cycles and health.
 */
const handler: PayloadHandler = adminHandler('Only admins can read the performance figures.', async (req) => {
  const config = getConfig()
  const query = performanceQuerySchema({ threshold: config.PERFORMANCE_ANOMALY_THRESHOLD, window: config.PERFORMANCE_ANOMALY_WINDOW_MINUTES }).parse(queryParams(req))
  const report = await buildPerformanceReport(await sqlExecutor(req.payload), query, new Date())
  return Response.json(report, { headers: NO_STORE })
})

export const performanceIntelligenceEndpoint: Endpoint = documented({ path: '/admin/performance-intelligence', method: 'get', handler }, performanceIntelligenceDoc)
