import { z } from 'zod'

/** Business dates are Jakarta's: a payment at 23:30 WIB on 31 January is January's. */
export const BI_TIME_ZONE = 'Asia/Jakarta'
export const GRANULARITIES = ['day', 'week', 'month'] as const
export type Granularity = (typeof GRANULARITIES)[number]

/** Most periods one report returns: two years by day (longer ranges take weeks or months). */
const MAX_PERIODS = 731
const DAY_MS = 86_400_000

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'is not a real calendar date')

/** Today's date in Jakarta, as YYYY-MM-DD. */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BI_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** A Jakarta date `days` later (or earlier), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The first day of the month `months` after (or before) `date`'s, as YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10)
}

/** The first day of the month eleven months before `date`'s: a year of whole months. */
function yearBefore(date: string): string {
  return addMonths(date, -11)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

function periodsBetween(from: string, to: string, granularity: Granularity): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1
  if (granularity === 'day') return days
  if (granularity === 'week') return Math.ceil(days / 7) + 1
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm) + 1
}

const reportFormat = z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json')

/**
 * The query of every BI report but the forecast: `from` and `to` are Jakarta dates, both
 * included; by default the last twelve months by month. `format=csv` asks for the report's
 * table as CSV. Unknown parameters are refused rather than ignored, so a typo never passes
 * as the default.
 */
export const biQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    granularity: z.enum(GRANULARITIES, { error: `must be one of ${GRANULARITIES.join(', ')}` }).default('month'),
    format: reportFormat,
  })
  .strict()
  .transform((query, ctx) => {
    const to = query.to ?? jakartaToday()
    const from = query.from ?? yearBefore(to)
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${to})` })
    else if (periodsBetween(from, to, query.granularity) > MAX_PERIODS) {
      ctx.addIssue({ code: 'custom', path: ['granularity'], message: `gives more than ${MAX_PERIODS} periods for this range: choose a coarser one or a shorter range` })
    }
    return { from, to, granularity: query.granularity, format: query.format, toExclusive: addDays(to, 1) }
  })

export type BiQuery = z.output<typeof biQuerySchema>
export type BiRange = Pick<BiQuery, 'from' | 'to' | 'toExclusive' | 'granularity'>

/** Most months a forecast looks ahead: past a year the trend is a guess, not a figure. */
export const MAX_FORECAST_HORIZON = 12

const horizonMessage = `must be a whole number of months from 1 to ${MAX_FORECAST_HORIZON}`

/** The forecast's query: how many months ahead (1–12, default 3) and the format; nothing else. */
export const forecastQuerySchema = z
  .object({
    horizon: z
      .string({ error: horizonMessage })
      .regex(/^\d{1,2}$/, horizonMessage)
      .transform(Number)
      .pipe(z.number().min(1, horizonMessage).max(MAX_FORECAST_HORIZON, horizonMessage))
      .default(3),
    format: reportFormat,
  })
  .strict()

export type ForecastQuery = z.output<typeof forecastQuerySchema>
