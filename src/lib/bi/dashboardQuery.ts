import { addDays, addMonths, jakartaToday, type Granularity } from '../../../bi/biParams'

/**
 * The BI dashboard's range as it lives in the address bar (`?from=&to=&granularity=`), so a
 * reload or a shared link shows the same figures. Pure: plain values in and out.
 */
export type DashboardQuery = { from: string; to: string; granularity: Granularity }

export type BiReportPath = 'summary' | 'revenue' | 'users' | 'projects' | 'forecast'

/** Months the forecast looks ahead on the dashboard (the API allows 1–12). */
export const FORECAST_HORIZON = 6

export const GRANULARITY_LABELS: Record<Granularity, string> = { day: 'Harian', week: 'Mingguan', month: 'Bulanan' }

export type RangePreset = { id: string; label: string; range: (today: string) => DashboardQuery }

/** The quick choices above the date inputs; each picks a granularity that keeps the chart readable. */
export const RANGE_PRESETS: readonly RangePreset[] = [
  { id: '30d', label: '30 hari', range: (today) => ({ from: addDays(today, -29), to: today, granularity: 'day' }) },
  { id: '3m', label: '3 bulan', range: (today) => ({ from: addMonths(today, -2), to: today, granularity: 'week' }) },
  { id: '12m', label: '12 bulan', range: (today) => ({ from: addMonths(today, -11), to: today, granularity: 'month' }) },
  { id: 'ytd', label: 'Tahun ini', range: (today) => ({ from: `${today.slice(0, 4)}-01-01`, to: today, granularity: 'month' }) },
]

/** The API's own default: the last twelve months by month, up to today in Jakarta. */
export function defaultQuery(today = jakartaToday()): DashboardQuery {
  return RANGE_PRESETS[2]!.range(today)
}

/**
 * The query in the address bar, missing parts filled from the default. Values are passed on
 * as written: the server validates them and its 400 message is what the admin sees.
 */
export function queryFromSearch(search: URLSearchParams, today = jakartaToday()): DashboardQuery {
  const fallback = defaultQuery(today)
  return {
    from: search.get('from') ?? fallback.from,
    to: search.get('to') ?? fallback.to,
    granularity: (search.get('granularity') as Granularity | null) ?? fallback.granularity,
  }
}

export function searchFromQuery(query: DashboardQuery): string {
  return new URLSearchParams({ from: query.from, to: query.to, granularity: query.granularity }).toString()
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** What the form checks before asking the server: both dates given and in order (Indonesian, for the admin). */
export function rangeProblem(query: Pick<DashboardQuery, 'from' | 'to'>): string | undefined {
  if (!DATE.test(query.from) || !DATE.test(query.to)) return 'Isi tanggal mulai dan tanggal akhir.'
  if (query.from > query.to) return 'Tanggal mulai harus sama dengan atau sebelum tanggal akhir.'
  return undefined
}

/** One report's path under /api for this query (what apiRequest takes), as JSON or as its CSV download. */
export function reportPath(report: BiReportPath, query: DashboardQuery, format: 'json' | 'csv' = 'json'): string {
  const params = report === 'forecast' ? new URLSearchParams({ horizon: String(FORECAST_HORIZON) }) : new URLSearchParams(searchFromQuery(query))
  if (format === 'csv') params.set('format', 'csv')
  return `/admin/bi/${report}?${params.toString()}`
}
