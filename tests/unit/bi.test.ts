import { biCacheStats, cachedReport, invalidateBiCache } from '../../bi/biCache'
import { biQuerySchema, jakartaToday } from '../../bi/biParams'
import { toCsv } from '../../bi/toCsv'

describe('BI query parameters', () => {
  it('default to the last twelve whole months by month, ending today in Jakarta', () => {
    const query = biQuerySchema.parse({})
    const today = jakartaToday()
    expect(query.to).toBe(today)
    const [year, month] = today.split('-').map(Number) as [number, number]
    const expectedFrom = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10)
    expect(query).toMatchObject({ from: expectedFrom, granularity: 'month', format: 'json' })
  })

  it("take Jakarta's date, not UTC's: 18:00 UTC on 31 December is already 1 January in WIB", () => {
    expect(jakartaToday(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01')
    expect(jakartaToday(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31')
  })

  it('end the range the day after `to`, so `to` itself is included', () => {
    expect(biQuerySchema.parse({ from: '2024-02-01', to: '2024-02-29' }).toExclusive).toBe('2024-03-01')
    expect(biQuerySchema.parse({ from: '2025-12-01', to: '2025-12-31' }).toExclusive).toBe('2026-01-01')
  })

  it('accept up to 731 periods and refuse more', () => {
    expect(biQuerySchema.safeParse({ from: '2024-01-01', to: '2025-12-31', granularity: 'day' }).success).toBe(true)
    expect(biQuerySchema.safeParse({ from: '2024-01-01', to: '2026-01-01', granularity: 'day' }).success).toBe(false)
    expect(biQuerySchema.safeParse({ from: '1990-01-01', to: '2025-12-31', granularity: 'month' }).success).toBe(true)
  })

  it('refuse dates that are not on the calendar', () => {
    expect(biQuerySchema.safeParse({ from: '2025-02-29' }).success).toBe(false)
    expect(biQuerySchema.safeParse({ from: '2024-02-29', to: '2024-03-01' }).success).toBe(true)
  })
})

describe('toCsv', () => {
  it('quotes what must be quoted and defuses spreadsheet formulas', () => {
    const csv = toCsv(['name', 'value'], [
      { name: 'Paket "Sekolah", Pro', value: 2_500_000 },
      { name: '=HYPERLINK("http://x")', value: -5 },
      { name: null, value: 0 },
    ])
    expect(csv).toBe('name,value\r\n"Paket ""Sekolah"", Pro",2500000\r\n"\'=HYPERLINK(""http://x"")",-5\r\n,0\r\n')
  })
})

describe('the BI cache', () => {
  it('serves a second lookup from the cache until invalidated, and never keeps a failure', async () => {
    invalidateBiCache()
    let computed = 0
    const compute = async () => ++computed
    expect(await cachedReport('k', compute)).toEqual({ value: 1, cached: false })
    expect(await cachedReport('k', compute)).toEqual({ value: 1, cached: true })
    invalidateBiCache()
    expect(await cachedReport('k', compute)).toEqual({ value: 2, cached: false })
    // Past the five-minute bound it is computed again.
    expect(await cachedReport('k', compute, Date.now() + 5 * 60_000 + 1)).toEqual({ value: 3, cached: false })

    await expect(cachedReport('bad', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down')
    expect(await cachedReport('bad', async () => 'ok')).toEqual({ value: 'ok', cached: false })
    expect(biCacheStats()).toMatchObject({ hits: expect.any(Number), misses: expect.any(Number), entries: 2 })
  })
})
