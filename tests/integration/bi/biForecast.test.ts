import { invalidateBiCache } from '../../../bi/biCache'
import { addMonths, jakartaToday } from '../../../bi/biParams'
import { createApi, type Api } from '../../helpers/api'
import { createProject, createTier, createUser, PASSWORD } from '../../helpers/fixtures'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'

/**
 * A revenue history laid out relative to the current Jakarta month, so the 36-month window
 * the forecast reads always covers it: the six whole months before this one earned 1M, 2M,
 * … 6M, a straight line the forecast continues exactly. A payment this month (not yet a
 * whole month) and one 40 months ago (outside the window) must not count.
 */
const M = 1_000_000
const thisMonth = addMonths(jakartaToday(), 0)
/** Noon WIB on the 15th of the month `offset` months from this one, as UTC. */
const midMonth = (offset: number) => new Date(`${addMonths(thisMonth, offset).slice(0, 7)}-15T12:00:00+07:00`).toISOString()
const month = (offset: number) => addMonths(thisMonth, offset)

let ctx: TestContext
let api: Api
const tokens = { admin: '', editor: '', client: '' }

beforeAll(async () => {
  ctx = await createTestPayload()
  api = createApi(ctx.config)
  const payload = ctx.payload
  const admin = await createUser(payload, 'admin', 'Admin Prakiraan')
  const editor = await createUser(payload, 'editor', 'Editor Prakiraan')
  const client = await createUser(payload, 'client', 'Klien Prakiraan')
  const tier = await createTier(payload, M)

  // [months from this one, amount]: six months of a line, this month's payment, and one before the window.
  const payments: [number, number][] = [[-6, M], [-5, 2 * M], [-4, 3 * M], [-3, 4 * M], [-2, 5 * M], [-1, 6 * M], [0, 50 * M], [-40, 50 * M]]
  for (const [offset, amount] of payments) {
    const { invoice } = await createProject(payload, client, tier, `Proyek ${offset}`)
    await ctx.sql(`UPDATE invoices SET status = 'paid', amount = $1, paid_at = $2 WHERE id = $3`, [amount, midMonth(offset), invoice.id])
  }
  // An unpaid invoice is no revenue.
  await createProject(payload, client, tier, 'Belum dibayar')
  invalidateBiCache()

  tokens.admin = await api.login(admin.email, PASSWORD)
  tokens.editor = await api.login(editor.email, PASSWORD)
  tokens.client = await api.login(client.email, PASSWORD)
})
afterAll(async () => ctx?.close())

const get = (path: string, token = tokens.admin) => api.rest('GET', path, { token })

describe('GET /api/admin/bi/forecast', () => {
  it('forecasts the next three months from the whole months since the first payment', async () => {
    const { status, body } = await get('/admin/bi/forecast')
    expect(status).toBe(200)
    expect(body).toMatchObject({ report: 'forecast', method: 'linear-trend', confidence: 0.8 })
    // Of the 36 months loaded, the 30 before the first payment are before the business.
    expect(body.history).toBe(6)
    // The line 1M, 2M, … 6M goes on to 7M, 8M, 9M; with no scatter around it the band is the line.
    expect(body.forecast).toEqual([
      { period: month(0), revenue: 7 * M, lower: 7 * M, upper: 7 * M },
      { period: month(1), revenue: 8 * M, lower: 8 * M, upper: 8 * M },
      { period: month(2), revenue: 9 * M, lower: 9 * M, upper: 9 * M },
    ])
    // Trained on 1M, 2M, 3M, the line predicts the last three months exactly.
    expect(body.backtest).toEqual({
      heldOutMonths: 3,
      mape: 0,
      points: [
        { period: month(-3), actual: 4 * M, predicted: 4 * M },
        { period: month(-2), actual: 5 * M, predicted: 5 * M },
        { period: month(-1), actual: 6 * M, predicted: 6 * M },
      ],
    })
  })

  it('looks as many months ahead as asked, up to twelve', async () => {
    const { status, body } = await get('/admin/bi/forecast?horizon=12')
    expect(status).toBe(200)
    expect(body.forecast).toHaveLength(12)
    expect(body.forecast[11]).toEqual({ period: month(11), revenue: 18 * M, lower: 18 * M, upper: 18 * M })
  })

  it('is cached under its own key, apart from the other reports and other horizons', async () => {
    invalidateBiCache()
    await get('/admin/bi/revenue')
    const first = await get('/admin/bi/forecast?horizon=2')
    const second = await get('/admin/bi/forecast?horizon=2')
    const other = await get('/admin/bi/forecast?horizon=4')
    expect([first.body.cached, second.body.cached, other.body.cached]).toEqual([false, true, false])
    expect(second.body.forecast).toHaveLength(2)
    expect(other.body.forecast).toHaveLength(4)
  })

  it('exports the forecast rows as CSV', async () => {
    const { status, body, headers } = await get('/admin/bi/forecast?format=csv&horizon=2')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/^text\/csv/)
    expect(headers.get('content-disposition')).toBe(`attachment; filename="jasaweb-forecast-${month(0).slice(0, 7)}-${month(1).slice(0, 7)}.csv"`)
    expect(body).toBe(`period,revenue,lower,upper\r\n${month(0)},7000000,7000000,7000000\r\n${month(1)},8000000,8000000,8000000\r\n`)
  })
})

describe('forecast refusals', () => {
  it.each([
    ['horizon=0', 'horizon'],
    ['horizon=13', 'horizon'],
    ['horizon=2.5', 'horizon'],
    ['horizon=three', 'horizon'],
    ['horizon=1&horizon=2', 'horizon'],
    ['format=xml', 'format'],
    ['foo=1', 'foo'],
    ['from=2025-01-01', 'from'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const { status, body } = await get(`/admin/bi/forecast?${query}`)
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain(field)
  })

  it('keeps the forecast to admins: 401 anonymous, 403 editor and client', async () => {
    expect((await api.rest('GET', '/admin/bi/forecast')).status).toBe(401)
    expect((await get('/admin/bi/forecast', tokens.editor)).status).toBe(403)
    const asClient = await get('/admin/bi/forecast', tokens.client)
    expect(asClient.status).toBe(403)
    expect(JSON.stringify(asClient.body)).not.toContain('forecast":')
  })
})
