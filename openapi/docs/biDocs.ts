import { z } from 'zod'

import { biQuerySchema, forecastQuerySchema } from '../../bi/biParams'
import type { BiReportName } from '../../bi/biReportBuilders'
import type { EndpointDoc } from '../endpointDoc'
import { isoDate, serialId } from '../schemas/common'

const count = z.number().int().min(0)
const rupiah = z.number().meta({ description: 'Rupiah' })
const range = z.object({ from: isoDate, to: isoDate, granularity: z.enum(['day', 'week', 'month']), timeZone: z.literal('Asia/Jakarta') })
const byKey = z.record(z.string(), count)
const conversion = z.object({ registered: count, paying: count, rate: z.number().nullable() })
const receivables = z.object({ amount: rupiah, invoices: count, overdueAmount: rupiah, overdueInvoices: count })
const timeInStatus = z.array(z.object({ status: z.string(), stays: count, ongoing: count, averageDays: z.number().nullable() }))
const header = (name: string) => ({ report: z.literal(name), cached: z.boolean().meta({ description: 'Served from the cache' }), range })

const reportBodies: Record<BiReportName, z.ZodObject> = {
  summary: z.object({
    ...header('summary'),
    revenue: rupiah,
    paidInvoices: count,
    newClients: count,
    conversionRate: z.number().nullable(),
    conversion,
    receivables,
    projectsByStatus: byKey,
    projectsByType: byKey,
    timeInStatus,
    topPricingTiers: z.array(z.object({ tierId: serialId, name: z.string(), invoices: count, revenue: rupiah })),
  }),
  revenue: z.object({
    ...header('revenue'),
    total: z.object({ revenue: rupiah, invoices: count }),
    receivables,
    series: z.array(z.object({ period: isoDate, revenue: rupiah, invoices: count })),
  }),
  users: z.object({
    ...header('users'),
    newClients: count,
    newStaff: count,
    clientsBefore: count,
    conversion,
    series: z.array(z.object({ period: isoDate, clients: count, staff: count, totalClients: count })),
  }),
  projects: z.object({
    ...header('projects'),
    byStatus: byKey,
    byType: byKey,
    timeInStatus,
    series: z.array(z.object({ period: isoDate, created: count })),
  }),
}

const DESCRIPTIONS: Record<BiReportName, string> = {
  summary: 'Revenue, paid invoices, new clients and conversion, receivables, projects by status and type, time in each status, top pricing tiers',
  revenue: 'Revenue per period (paid invoices, by the Jakarta date they were paid) and receivables',
  users: 'New clients and staff per period, running client total, conversion to paying',
  projects: 'Projects by status and type, time in each status, new projects per period',
}

const QUERY_NOTE = '`from`/`to` are Jakarta dates, both included (default: the last twelve whole months to today); `format=csv` downloads the report\'s table. Unknown parameters are refused. Cached until invoices, projects or users change.'

export function biReportDoc(name: BiReportName): EndpointDoc {
  return {
    tag: 'Business intelligence',
    summary: `BI report: ${name}`,
    description: `${DESCRIPTIONS[name]}. ${QUERY_NOTE}`,
    access: 'admin',
    query: biQuerySchema,
    responses: { 200: { description: `The ${name} report (JSON), or its table as CSV`, schema: reportBodies[name], csv: true } },
  }
}

export const biForecastDoc: EndpointDoc = {
  tag: 'Business intelligence',
  summary: 'BI report: revenue forecast',
  description: 'Monthly revenue for the next `horizon` months (1–12, default 3) from the last 36 whole months: a linear trend with monthly seasonality when the history allows, an 80% band, and a backtest on the last three months.',
  access: 'admin',
  query: forecastQuerySchema,
  responses: {
    200: {
      description: 'The forecast (JSON), or its table as CSV',
      csv: true,
      schema: z.object({
        report: z.literal('forecast'),
        cached: z.boolean(),
        method: z.enum(['linear-trend', 'linear-trend+monthly-seasonality', 'insufficient-history']),
        history: count.meta({ description: 'Months of history used' }),
        confidence: z.number(),
        forecast: z.array(z.object({ period: isoDate, revenue: rupiah, lower: rupiah, upper: rupiah })),
        backtest: z.object({ heldOutMonths: count, mape: z.number().nullable(), points: z.array(z.object({ period: isoDate, actual: rupiah, predicted: rupiah })) }).nullable(),
      }),
    },
  },
}
