import { biQuerySchema } from '../../bi/biParams'
import { defaultQuery, queryFromSearch, RANGE_PRESETS, rangeProblem, reportPath, searchFromQuery } from '../../src/lib/bi/dashboardQuery'
import { periodLabel, periodTick } from '../../src/lib/bi/formatBi'
import { revenueChartRows } from '../../src/lib/bi/revenueChartRows'

describe('the BI dashboard range', () => {
  it('defaults to what the API defaults to: the last twelve months by month', () => {
    const { from, to, granularity } = biQuerySchema.parse({})
    expect(defaultQuery()).toEqual({ from, to, granularity })
  })

  it('reads the address bar, filling only what is missing', () => {
    expect(queryFromSearch(new URLSearchParams('from=2026-01-01&granularity=week'), '2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04', granularity: 'week' })
    expect(queryFromSearch(new URLSearchParams(''), '2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04', granularity: 'month' })
  })

  it('passes values it does not understand on, so the server names the problem', () => {
    expect(queryFromSearch(new URLSearchParams('from=2026-13-01&granularity=year'), '2026-12-04')).toMatchObject({ from: '2026-13-01', granularity: 'year' })
  })

  it('writes the range back as it reads it', () => {
    const query = { from: '2026-02-01', to: '2026-03-31', granularity: 'day' as const }
    expect(queryFromSearch(new URLSearchParams(searchFromQuery(query)))).toEqual(query)
  })

  it('refuses an empty date or a start after the end before asking the server', () => {
    expect(rangeProblem({ from: '', to: '2026-01-01' })).toMatch(/Isi tanggal/)
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-01' })).toMatch(/sebelum tanggal akhir/)
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeUndefined()
  })

  it('offers presets the API accepts, ending today', () => {
    for (const preset of RANGE_PRESETS) {
      const range = preset.range('2026-12-04')
      expect(range.to).toBe('2026-12-04')
      expect(biQuerySchema.safeParse(range).success).toBe(true)
    }
    expect(RANGE_PRESETS.find((preset) => preset.id === 'ytd')?.range('2026-12-04').from).toBe('2026-01-01')
  })

  it('builds report paths with the same range, and the forecast with its horizon only', () => {
    const query = { from: '2026-01-01', to: '2026-06-30', granularity: 'month' as const }
    expect(reportPath('revenue', query, 'csv')).toBe('/admin/bi/revenue?from=2026-01-01&to=2026-06-30&granularity=month&format=csv')
    expect(reportPath('forecast', query)).toBe('/admin/bi/forecast?horizon=6')
  })
})

describe('the revenue chart rows', () => {
  const series = [
    { period: '2026-10-01', revenue: 100, invoices: 1 },
    { period: '2026-11-01', revenue: 200, invoices: 2 },
    { period: '2026-12-01', revenue: 50, invoices: 1 },
  ]
  const forecast = [
    { period: '2026-12-01', revenue: 300, lower: 250, upper: 350 },
    { period: '2027-01-01', revenue: 320, lower: 260, upper: 380 },
  ]

  it('continue the last whole month into the forecast months, band included', () => {
    const { rows, withForecast } = revenueChartRows(series, 'month', forecast)
    expect(withForecast).toBe(true)
    expect(rows.map((row) => row.period)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01'])
    expect(rows[1]).toMatchObject({ revenue: 200, forecast: 200, band: [200, 200] })
    expect(rows[2]).toMatchObject({ revenue: 50, forecast: 300, band: [250, 350] })
    expect(rows[3]).toEqual({ period: '2027-01-01', forecast: 320, band: [260, 380] })
  })

  it('leave the forecast off by day or week, and when the range stops before last month', () => {
    expect(revenueChartRows(series, 'week', forecast).withForecast).toBe(false)
    expect(revenueChartRows(series.slice(0, 1), 'month', forecast)).toEqual({ rows: [{ period: '2026-10-01', revenue: 100, invoices: 1 }], withForecast: false })
  })
})

describe('BI period labels', () => {
  it('name periods in Indonesian without shifting the date', () => {
    expect(periodLabel('2026-12-01', 'month')).toBe('Desember 2026')
    expect(periodLabel('2026-11-30', 'week')).toMatch(/^Minggu 30 Nov 2026$/)
    expect(periodTick('2026-01-05', 'day')).toMatch(/^5 Jan$/)
  })
})
