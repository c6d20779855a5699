import type { Endpoint, PayloadHandler } from 'payload'

import { requireAdmin } from '../access/requireAdmin'
import { sqlExecutor } from '../db/sqlExecutor'
import { getConfig } from '../lib/env'
import { errorResponse } from '../lib/errors'
import { queryParams } from '../lib/http'
import { buildPerformanceReport } from '../performance/buildPerformanceReport'
import { performanceQuerySchema } from '../performance/performanceParams'

/**
 * GET /api/admin/performance-intelligence?minutes=&threshold=&window=&horizon=&confidence=
 * — admins only: the server's recorded minutes, anomalies, trends, cycles and health.
 */
const handler: PayloadHandler = async (req) => {
  try {
    requireAdmin(req, 'Only admins can read the performance figures.')
    const config = getConfig()
    const query = performanceQuerySchema({ threshold: config.PERFORMANCE_ANOMALY_THRESHOLD, window: config.PERFORMANCE_ANOMALY_WINDOW_MINUTES }).parse(queryParams(req))
    const report = await buildPerformanceReport(await sqlExecutor(req.payload), query, new Date())
    return Response.json(report, { headers: { 'cache-control': 'private, no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}

export const performanceIntelligenceEndpoint: Endpoint = { path: '/admin/performance-intelligence', method: 'get', handler }
