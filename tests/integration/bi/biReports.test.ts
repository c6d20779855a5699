import { invalidateBiCache } from '../../../bi/biCache'
import { timeInStatus } from '../../../bi/biReports'
import { sqlExecutor } from '../../../db/sqlExecutor'
import { createApi, type Api } from '../../helpers/api'
import { createProject, createTier, createUser, moveProjectTo, PASSWORD } from '../../helpers/fixtures'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'

/**
 * A small agency history with answers worked out by hand. Instants are written in WIB
 * (UTC+7) and stored as UTC: 2025-01-31 23:30 WIB is 16:30 UTC the same day (January), and
 * 2025-02-01 00:30 WIB is 17:30 UTC on 31 January (February in Jakarta, January in UTC).
 */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString()

let ctx: TestContext
let api: Api
const tokens = { admin: '', editor: '', client: '' }
const ids = { tierA: 0, tierB: 0, inv1: 0, inv2: 0, inv3: 0, inv4: 0, p1: 0 }

beforeAll(async () => {
  ctx = await createTestPayload()
  api = createApi(ctx.config)
  const payload = ctx.payload
  const admin = await createUser(payload, 'admin', 'Admin BI')
  const editor = await createUser(payload, 'editor', 'Editor BI')
  const c1 = await createUser(payload, 'client', 'Klien Satu')
  const c2 = await createUser(payload, 'client', 'Klien Dua')
  const c3 = await createUser(payload, 'client', 'Klien Tiga')
  const c4 = await createUser(payload, 'client', 'Klien Empat')
  const tierA = await createTier(payload, 2_500_000)
  const tierB = await createTier(payload, 1_000_000)
  const p1 = await createProject(payload, c1, tierA, 'Sekolah Satu')
  const p2 = await createProject(payload, c2, tierB, 'Berita Dua')
  const p3 = await createProject(payload, c1, tierB, 'Sekolah Satu B')
  const p4 = await createProject(payload, c3, tierA, 'Profil Tiga')
  await moveProjectTo(payload, p1.project, 'in_progress')
  Object.assign(ids, { tierA: tierA.id, tierB: tierB.id, inv1: p1.invoice.id, inv2: p2.invoice.id, inv3: p3.invoice.id, inv4: p4.invoice.id, p1: p1.project.id })

  // History as it happened, written straight into the rows.
  const setCreated = (table: string, id: number, at: string) => ctx.sql(`UPDATE ${table} SET created_at = $1 WHERE id = $2`, [at, id])
  await setCreated('users', admin.id, wib('2025-02-15T09:00:00'))
  await setCreated('users', editor.id, wib('2024-06-01T09:00:00'))
  await setCreated('users', c1.id, wib('2025-01-10T08:00:00'))
  await setCreated('users', c2.id, wib('2025-02-01T00:30:00'))
  await setCreated('users', c3.id, wib('2024-12-20T10:00:00'))
  await setCreated('users', c4.id, wib('2025-03-05T10:00:00'))
  await setCreated('projects', p1.project.id, wib('2025-01-10T08:00:00'))
  await setCreated('projects', p2.project.id, wib('2025-02-01T00:30:00'))
  await setCreated('projects', p3.project.id, wib('2025-03-02T12:00:00'))
  await setCreated('projects', p4.project.id, wib('2024-12-20T10:00:00'))
  const pay = (id: number, at: string) => ctx.sql(`UPDATE invoices SET status = 'paid', paid_at = $1 WHERE id = $2`, [at, id])
  await pay(p1.invoice.id, wib('2025-01-31T23:30:00'))
  await pay(p2.invoice.id, wib('2025-02-01T00:30:00'))
  await pay(p4.invoice.id, wib('2025-04-01T00:00:00'))
  await ctx.sql(`UPDATE invoices SET due_date = $1 WHERE id = $2`, [wib('2025-03-01T00:00:00'), p3.invoice.id])
  // p1: ordered 10 Jan, paid and started 12 Jan (two days pending), still in progress.
  await ctx.sql(`UPDATE projects_status_history SET at = CASE "to" WHEN 'pending_payment' THEN $1::timestamptz ELSE $2::timestamptz END WHERE _parent_id = $3`, [
    wib('2025-01-10T00:00:00'),
    wib('2025-01-12T00:00:00'),
    p1.project.id,
  ])
  invalidateBiCache()

  tokens.admin = await api.login(admin.email, PASSWORD)
  tokens.editor = await api.login(editor.email, PASSWORD)
  tokens.client = await api.login(c1.email, PASSWORD)
})
afterAll(async () => ctx?.close())

const get = (path: string, token = tokens.admin) => api.rest('GET', path, { token })
const Q1 = 'from=2025-01-01&to=2025-03-31&granularity=month'

describe('GET /api/admin/bi/revenue', () => {
  it('sums paid invoices by Jakarta month: 23:30 WIB on 31 January is January, 00:30 WIB on 1 February is February', async () => {
    const { status, body } = await get(`/admin/bi/revenue?${Q1}`)
    expect(status).toBe(200)
    expect(body.series).toEqual([
      { period: '2025-01-01', revenue: 2_500_000, invoices: 1 },
      { period: '2025-02-01', revenue: 1_000_000, invoices: 1 },
      { period: '2025-03-01', revenue: 0, invoices: 0 },
    ])
    // inv4 was paid at 00:00 WIB on 1 April: the day after the range.
    expect(body.total).toEqual({ revenue: 3_500_000, invoices: 2 })
    expect(body.receivables).toEqual({ amount: 1_000_000, invoices: 1, overdueAmount: 1_000_000, overdueInvoices: 1 })
    expect(body.range).toEqual({ from: '2025-01-01', to: '2025-03-31', granularity: 'month', timeZone: 'Asia/Jakarta' })
  })

  it('buckets by day and by ISO week (periods start on Mondays)', async () => {
    const days = await get('/admin/bi/revenue?from=2025-01-31&to=2025-02-01&granularity=day')
    expect(days.body.series).toEqual([
      { period: '2025-01-31', revenue: 2_500_000, invoices: 1 },
      { period: '2025-02-01', revenue: 1_000_000, invoices: 1 },
    ])
    const weeks = await get('/admin/bi/revenue?from=2025-01-27&to=2025-02-09&granularity=week')
    expect(weeks.body.series).toEqual([
      { period: '2025-01-27', revenue: 3_500_000, invoices: 2 },
      { period: '2025-02-03', revenue: 0, invoices: 0 },
    ])
  })

  it('gives zeros for every period of an empty range', async () => {
    const { status, body } = await get('/admin/bi/revenue?from=2023-01-01&to=2023-01-03&granularity=day')
    expect(status).toBe(200)
    expect(body.series.map((point: { period: string }) => point.period)).toEqual(['2023-01-01', '2023-01-02', '2023-01-03'])
    expect(body.total).toEqual({ revenue: 0, invoices: 0 })
  })

  it('exports the series as CSV', async () => {
    const { status, body, headers } = await get(`/admin/bi/revenue?${Q1}&format=csv`)
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/^text\/csv/)
    expect(headers.get('content-disposition')).toBe('attachment; filename="jasaweb-revenue-2025-01-01-2025-03-31.csv"')
    expect(body).toBe('period,revenue,invoices\r\n2025-01-01,2500000,1\r\n2025-02-01,1000000,1\r\n2025-03-01,0,0\r\n')
  })
})

describe('GET /api/admin/bi/users', () => {
  it('counts new clients and staff per Jakarta month, the running number of clients, and conversion', async () => {
    const { status, body } = await get(`/admin/bi/users?${Q1}`)
    expect(status).toBe(200)
    // c3 registered before the range; c2 at 00:30 WIB on 1 February; the admin in February.
    expect(body.clientsBefore).toBe(1)
    expect(body.series).toEqual([
      { period: '2025-01-01', clients: 1, staff: 0, totalClients: 2 },
      { period: '2025-02-01', clients: 1, staff: 1, totalClients: 3 },
      { period: '2025-03-01', clients: 1, staff: 0, totalClients: 4 },
    ])
    expect(body.newClients).toBe(3)
    // c1 and c2 have paid; c4 has not.
    expect(body.conversion).toEqual({ registered: 3, paying: 2, rate: 2 / 3 })
  })

  it('has no conversion rate for a range nobody registered in', async () => {
    const { body } = await get('/admin/bi/users?from=2023-01-01&to=2023-01-31&granularity=month')
    expect(body.conversion).toEqual({ registered: 0, paying: 0, rate: null })
  })
})

describe('GET /api/admin/bi/projects', () => {
  it('counts projects by status and type now, and new ones per month', async () => {
    const { status, body } = await get(`/admin/bi/projects?${Q1}`)
    expect(status).toBe(200)
    expect(body.byStatus).toEqual({ pending_payment: 3, in_progress: 1, review: 0, completed: 0 })
    expect(body.byType).toEqual({ sekolah: 4, berita: 0, company: 0 })
    expect(body.series).toEqual([
      { period: '2025-01-01', created: 1 },
      { period: '2025-02-01', created: 1 },
      { period: '2025-03-01', created: 1 },
    ])
  })

  it('averages the time in each status, an ongoing stay counting up to now', async () => {
    const range = { from: '2025-01-01', to: '2025-03-31', toExclusive: '2025-04-01', granularity: 'month' as const }
    const now = new Date(wib('2025-01-22T00:00:00'))
    const stays = await timeInStatus(await sqlExecutor(ctx.payload), range, now)
    expect(stays).toEqual([
      { status: 'pending_payment', stays: 1, ongoing: 0, averageDays: 2 },
      { status: 'in_progress', stays: 1, ongoing: 1, averageDays: 10 },
      { status: 'review', stays: 0, ongoing: 0, averageDays: null },
      { status: 'completed', stays: 0, ongoing: 0, averageDays: null },
    ])
  })
})

describe('GET /api/admin/bi/summary', () => {
  it('brings the headline figures and the top pricing tiers together', async () => {
    const { status, body } = await get(`/admin/bi/summary?${Q1}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ revenue: 3_500_000, paidInvoices: 2, receivables: { amount: 1_000_000, invoices: 1 }, newClients: 3, conversionRate: 2 / 3 })
    expect(body.projectsByStatus).toEqual({ pending_payment: 3, in_progress: 1, review: 0, completed: 0 })
    expect(body.topPricingTiers).toEqual([
      { tierId: ids.tierA, name: 'Paket 2500000', invoices: 1, revenue: 2_500_000 },
      { tierId: ids.tierB, name: 'Paket 1000000', invoices: 1, revenue: 1_000_000 },
    ])
  })

  it('is cached until an invoice changes', async () => {
    invalidateBiCache()
    const first = await get(`/admin/bi/summary?${Q1}`)
    const second = await get(`/admin/bi/summary?${Q1}`)
    expect([first.body.cached, second.body.cached]).toEqual([false, true])
    expect(second.body.revenue).toBe(3_500_000)

    // The unpaid March invoice is paid through the Local API (its hooks invalidate after the commit).
    await ctx.payload.update({ collection: 'invoices', id: ids.inv3, data: { status: 'paid', paidAt: wib('2025-03-10T10:00:00') }, overrideAccess: true })
    const third = await get(`/admin/bi/summary?${Q1}`)
    expect(third.body.cached).toBe(false)
    expect(third.body.revenue).toBe(4_500_000)
    expect(third.body.receivables).toMatchObject({ amount: 0, invoices: 0 })
  })
})

describe('refusals', () => {
  it.each([
    ['from=2025-13-01', 'from'],
    ['from=2025-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['from=2025-03-01&to=2025-01-01', 'from'],
    ['granularity=hour', 'granularity'],
    ['from=2015-01-01&to=2025-01-01&granularity=day', 'granularity'],
    ['format=xml', 'format'],
    ['foo=1', 'foo'],
    ['from[$gt]=2025-01-01', 'from'],
  ])('answers ?%s with a 400 naming %s, never a 500', async (query, field) => {
    const { status, body } = await get(`/admin/bi/summary?${query}`)
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain(field)
  })

  it.each(['summary', 'revenue', 'users', 'projects'])('keeps /api/admin/bi/%s to admins: 401 anonymous, 403 editor and client', async (report) => {
    expect((await api.rest('GET', `/admin/bi/${report}`)).status).toBe(401)
    expect((await get(`/admin/bi/${report}`, tokens.editor)).status).toBe(403)
    const asClient = await get(`/admin/bi/${report}`, tokens.client)
    expect(asClient.status).toBe(403)
    expect(JSON.stringify(asClient.body)).not.toContain('revenue":')
  })
})
