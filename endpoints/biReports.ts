import type { Endpoint, PayloadHandler } from 'payload'

import { adminHandler } from '../access/requireAdmin'
import { biCacheKey, cachedReport } from '../bi/biCache'
import { addMonths, biQuerySchema, forecastQuerySchema, jakartaToday } from '../bi/biParams'
import { BI_REPORTS, buildForecastReport, buildReport, type BiReport, type BiReportName } from '../bi/biReportBuilders'
import { toCsv } from '../bi/toCsv'
import { sqlExecutor } from '../db/sqlExecutor'
import { NO_STORE, queryParams } from '../lib/http'
import { biForecastDoc, biReportDoc } from '../openapi/docs/biDocs'
import { documented } from '../openapi/endpointDoc'

const REFUSAL = 'Only admins can read the business figures.'

/** The report as JSON, or its table as a CSV download named `jasaweb-{name}-{span}.csv`. */
function reportResponse(name: string, report: BiReport, cached: boolean, format: 'json' | 'csv', span: string): Response {
  if (format === 'csv') {
    return new Response(toCsv(report.table.columns, report.table.rows), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="jasaweb-${name}-${span}.csv"`, ...NO_STORE },
    })
  }
  return Response.json({ report: name, cached, ...report.body }, { headers: NO_STORE })
}

/**
 * GET /api/admin/bi/{summary,revenue,users,projects}?from=YYYY-MM-DD&to=YYYY-MM-DD&granularity=day|week|month&format=json|csv
 * — admins only; cached until invoices, projects or users change.
 */
function reportHandler(name: BiReportName): PayloadHandler {
  return adminHandler(REFUSAL, async (req) => {
    const query = biQuerySchema.parse(queryParams(req))
    const key = biCacheKey(name, query.from, query.to, query.granularity)
    const { value, cached } = await cachedReport(key, async () => buildReport(name, await sqlExecutor(req.payload), query, new Date()))
    return reportResponse(name, value, cached, query.format, `${query.from}-${query.to}`)
  })
}

/**
 * GET /api/admin/bi/forecast?horizon=1..12&format=json|csv — admins only: monthly revenue
 * for the next `horizon` months (default 3) from the last 36 whole months, with an 80% band
 * and a backtest on the last three. Cached like the other reports; the key holds the month,
 * so a new month never serves last month's forecast.
 */
const forecastHandler: PayloadHandler = adminHandler(REFUSAL, async (req) => {
  const query = forecastQuerySchema.parse(queryParams(req))
  // The first day of this month in Jakarta.
  const thisMonth = addMonths(jakartaToday(), 0)
  const { value, cached } = await cachedReport(biCacheKey('forecast', thisMonth, query.horizon), async () =>
    buildForecastReport(await sqlExecutor(req.payload), query.horizon, thisMonth),
  )
  return reportResponse('forecast', value, cached, query.format, `${thisMonth.slice(0, 7)}-${addMonths(thisMonth, query.horizon - 1).slice(0, 7)}`)
})

export const biEndpoints: Endpoint[] = [
  ...BI_REPORTS.map((name): Endpoint => documented({ path: `/admin/bi/${name}`, method: 'get', handler: reportHandler(name) }, biReportDoc(name))),
  documented({ path: '/admin/bi/forecast', method: 'get', handler: forecastHandler }, biForecastDoc),
]
