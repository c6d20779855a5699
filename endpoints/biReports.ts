import type { Endpoint, PayloadHandler } from 'payload'

import { requireAdmin } from '../access/requireAdmin'
import { cachedReport } from '../bi/biCache'
import { biQuerySchema } from '../bi/biParams'
import { BI_REPORTS, buildReport, type BiReportName } from '../bi/biReportBuilders'
import { toCsv } from '../bi/toCsv'
import { sqlExecutor } from '../db/sqlExecutor'
import { errorResponse } from '../lib/errors'

/**
 * GET /api/admin/bi/{summary,revenue,users,projects}?from=YYYY-MM-DD&to=YYYY-MM-DD&granularity=day|week|month&format=json|csv
 * — admins only; cached until invoices, projects or users change.
 */
function reportHandler(name: BiReportName): PayloadHandler {
  return async (req) => {
    try {
      requireAdmin(req, 'Only admins can read the business figures.')
      // Payload's REST layer adds its own `depth` to every request's query.
      const { depth: _depth, ...params } = (req.query ?? {}) as Record<string, unknown>
      const query = biQuerySchema.parse(params)
      const key = `${name}|${query.from}|${query.to}|${query.granularity}`
      const { value, cached } = await cachedReport(key, async () => buildReport(name, await sqlExecutor(req.payload), query, new Date()))
      if (query.format === 'csv') {
        return new Response(toCsv(value.table.columns, value.table.rows), {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="jasaweb-${name}-${query.from}-${query.to}.csv"`,
            'cache-control': 'private, no-store',
          },
        })
      }
      return Response.json({ report: name, cached, ...value.body }, { headers: { 'cache-control': 'private, no-store' } })
    } catch (error) {
      return errorResponse(error)
    }
  }
}

export const biEndpoints: Endpoint[] = BI_REPORTS.map((name) => ({ path: `/admin/bi/${name}`, method: 'get', handler: reportHandler(name) }))
