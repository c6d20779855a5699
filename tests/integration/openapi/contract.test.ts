/**
 * Contract: every documented custom endpoint is called for real (demo mode: the built-in
 * Midtrans simulator) and each answer, successes and refusals alike, must have a documented
 * status and match the documented schema, read from GET /api/docs. A few collection routes
 * (list, read, login, me) are held to their generated schemas too, as a client sees them.
 */
import { customRoutes } from '../../../endpoints'
import { openApiPath } from '../../../openapi/customPaths'
import { SIMULATOR_SERVER_KEY } from '../../../payments/gateway'
import type { ApiResponse } from '../../helpers/api'
import { createProject, moveProjectTo, PASSWORD } from '../../helpers/fixtures'
import { useBuiltInSimulator } from '../../helpers/midtransStandIn'
import { openApiContract } from '../../helpers/openApiContract'
import { connectClient, startRealtime, websocketToken, type RealtimeHarness } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const simulator = useBuiltInSimulator()
const suite = useWorldSuite()
let realtime: RealtimeHarness
let contract: ReturnType<typeof openApiContract>
beforeAll(async () => {
  realtime = await startRealtime(suite.ctx)
  const answer = await suite.api.rest('GET', '/docs')
  expect(answer.status).toBe(200)
  contract = openApiContract(answer.body)
})
afterAll(async () => realtime?.close())

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
const exercised = new Map<string, Set<number>>()

/** Calls `template` (a path under /api, `:name` filled from `params`) and checks the answer against the document. */
async function call(method: Method, template: string, params: Record<string, string | number>, options: Parameters<typeof suite.api.rest>[2] = {}): Promise<ApiResponse> {
  const path = template.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(String(params[name])))
  const response = await suite.api.rest(method, path, options)
  contract.check(method, openApiPath(`/api${template.split('?')[0]}`).path, response)
  const key = `${method} ${template.split('?')[0]}`
  exercised.set(key, (exercised.get(key) ?? new Set()).add(response.status))
  return response
}

const basic = `Basic ${Buffer.from(`${SIMULATOR_SERVER_KEY}:`).toString('base64')}`

describe('custom endpoints answer as documented', () => {
  it('payments: pay (new and reused), simulate, the webhook, recheck', async () => {
    const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek kontrak')
    const paid = await call('POST', '/invoices/:id/pay', { id: invoice.id }, { token: suite.tokens.clientA })
    expect(paid.status).toBe(201)
    expect((await call('POST', '/invoices/:id/pay', { id: invoice.id }, { token: suite.tokens.clientA })).status).toBe(200)
    expect((await call('POST', '/invoices/:id/pay', { id: invoice.id }, { token: suite.tokens.clientB })).status).toBeGreaterThanOrEqual(403)
    expect((await call('POST', '/invoices/:id/pay', { id: 'abc' }, { token: suite.tokens.clientA })).status).toBe(400)
    expect((await call('POST', '/invoices/:id/recheck-payment', { id: invoice.id }, { token: suite.tokens.admin })).status).toBe(200)
    expect((await call('POST', '/invoices/:id/recheck-payment', { id: invoice.id }, { token: suite.tokens.clientA })).status).toBe(403)

    const notification = simulator.settle(paid.body.orderId)
    expect((await call('POST', '/webhooks/midtrans', {}, { rawBody: JSON.stringify(notification) })).status).toBe(200)
    expect((await call('POST', '/webhooks/midtrans', {}, { rawBody: JSON.stringify({ ...notification, signature_key: 'f'.repeat(128) }) })).status).toBe(401)
    expect((await call('POST', '/webhooks/midtrans', {}, { rawBody: '{' })).status).toBe(400)

    const second = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek kontrak 2')
    expect((await call('POST', '/invoices/:id/simulate-payment', { id: second.invoice.id }, { token: suite.tokens.clientA })).status).toBe(409)
    await call('POST', '/invoices/:id/pay', { id: second.invoice.id }, { token: suite.tokens.clientA })
    expect((await call('POST', '/invoices/:id/simulate-payment', { id: second.invoice.id }, { token: suite.tokens.clientA })).status).toBe(200)
  })

  it('the Midtrans simulator speaks as documented', async () => {
    const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek simulator')
    const paid = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
    const charge = { payment_type: 'qris', transaction_details: { order_id: `KONTRAK-${Date.now()}`, gross_amount: 150000 } }
    expect((await call('POST', '/midtrans-simulator/v2/charge', {}, { body: charge, headers: { authorization: basic } })).status).toBe(200)
    expect((await call('POST', '/midtrans-simulator/v2/charge', {}, { body: charge })).status).toBe(401)
    expect((await call('GET', '/midtrans-simulator/v2/:id/status', { id: paid.body.orderId }, { headers: { authorization: basic } })).status).toBe(200)
    expect((await call('GET', '/midtrans-simulator/v2/:id/status', { id: 'no-such-order' }, { headers: { authorization: basic } })).status).toBe(404)
    expect((await call('POST', '/midtrans-simulator/v2/:id/cancel', { id: paid.body.orderId }, { headers: { authorization: basic } })).status).toBe(200)
  })

  it('projects: review', async () => {
    const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek ulasan')
    expect((await call('POST', '/projects/:id/review', { id: project.id }, { token: suite.tokens.clientA, body: { action: 'approve' } })).status).toBe(400)
    await moveProjectTo(suite.ctx.payload, project, 'review')
    expect((await call('POST', '/projects/:id/review', { id: project.id }, { token: suite.tokens.clientA, body: { action: 'request_revision', note: 'Ganti warna header.' } })).status).toBe(200)
    expect((await call('POST', '/projects/:id/review', { id: project.id }, { body: { action: 'approve' } })).status).toBe(401)
  })

  it('real time: token, inbox, status, broadcast, disconnect', async () => {
    expect((await call('GET', '/websocket/token', {}, { token: suite.tokens.clientA })).status).toBe(200)
    expect((await call('GET', '/websocket/token', {})).status).toBe(401)
    expect((await call('GET', '/inbox', {}, { token: suite.tokens.clientA })).status).toBe(200)
    expect((await call('GET', '/inbox?limit=0', {}, { token: suite.tokens.clientA })).status).toBe(400)
    const client = await connectClient(realtime.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
    try {
      const status = await call('GET', '/admin/websocket/status', {}, { token: suite.tokens.admin })
      expect(status.body.connections.length).toBeGreaterThan(0)
      expect((await call('GET', '/admin/websocket/status', {}, { token: suite.tokens.clientA })).status).toBe(403)
      expect((await call('POST', '/websocket/broadcast', {}, { token: suite.tokens.admin, body: { title: 'Kontrak', body: 'Uji kontrak API.' } })).status).toBe(201)
      expect((await call('POST', '/websocket/broadcast', {}, { token: suite.tokens.admin, body: { title: '' } })).status).toBe(400)
      expect((await call('DELETE', '/websocket/connections/:id', { id: client.socket.id! }, { token: suite.tokens.admin })).status).toBe(200)
      expect((await call('DELETE', '/websocket/connections/:id', { id: 'no-such-socket' }, { token: suite.tokens.admin })).status).toBe(404)
    } finally {
      client.close()
    }
  })

  it('business intelligence: every report, JSON and CSV', async () => {
    for (const name of ['summary', 'revenue', 'users', 'projects']) {
      expect((await call('GET', `/admin/bi/${name}`, {}, { token: suite.tokens.admin })).status).toBe(200)
      const csv = await call('GET', `/admin/bi/${name}?format=csv&granularity=week`, {}, { token: suite.tokens.admin })
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
      expect((await call('GET', `/admin/bi/${name}?from=2026-02-30`, {}, { token: suite.tokens.admin })).status).toBe(400)
      expect((await call('GET', `/admin/bi/${name}`, {}, { token: suite.tokens.clientA })).status).toBe(403)
    }
    expect((await call('GET', '/admin/bi/forecast?horizon=6', {}, { token: suite.tokens.admin })).status).toBe(200)
    expect((await call('GET', '/admin/bi/forecast?horizon=13', {}, { token: suite.tokens.admin })).status).toBe(400)
  })

  it('operations: caches, jobs, performance, the document itself', async () => {
    expect((await call('GET', '/admin/cache', {}, { token: suite.tokens.admin })).status).toBe(200)
    expect((await call('POST', '/admin/cache-manage', {}, { token: suite.tokens.admin, body: { action: 'invalidate', prefix: 'bi:summary' } })).status).toBe(200)
    expect((await call('POST', '/admin/cache-manage', {}, { token: suite.tokens.admin, body: { action: 'drop' } })).status).toBe(400)
    expect((await call('GET', '/admin/jobs/status', {}, { token: suite.tokens.admin })).status).toBe(200)
    const job = await suite.ctx.payload.jobs.queue({ task: 'sendInvoiceReminders', queue: 'default', input: {} })
    expect((await call('POST', '/admin/jobs/:id/retry', { id: job.id }, { token: suite.tokens.admin })).status).toBe(400)
    expect((await call('POST', '/admin/jobs/:id/cancel', { id: job.id }, { token: suite.tokens.admin })).status).toBe(200)
    expect((await call('POST', '/admin/jobs/:id/retry', { id: job.id }, { token: suite.tokens.admin })).status).toBe(200)
    expect((await call('POST', '/admin/jobs/:id/cancel', { id: 999999 }, { token: suite.tokens.admin })).status).toBe(404)
    expect((await call('GET', '/admin/performance-intelligence', {}, { token: suite.tokens.admin })).status).toBe(200)
    expect((await call('GET', '/admin/performance-intelligence?minutes=5', {}, { token: suite.tokens.admin })).status).toBe(400)
    expect((await call('GET', '/docs', {})).status).toBe(200)
  })

  it('exercised every custom endpoint, each with a success', () => {
    const routes = customRoutes({ isProduction: false }).map((route) => `${route.method} ${route.path}`)
    expect(routes.filter((route) => !exercised.has(route))).toEqual([])
    const withoutSuccess = routes.filter((route) => ![...(exercised.get(route) ?? [])].some((status) => status < 300))
    expect(withoutSuccess).toEqual([])
  })
})

describe('collection routes answer as documented', () => {
  it("a client's list, one document, login and me", async () => {
    for (const slug of ['projects', 'invoices', 'notifications', 'pricing', 'users']) {
      const list = await suite.api.rest('GET', `/${slug}?depth=1&limit=5`, { token: suite.tokens.clientA })
      contract.check('GET', `/api/${slug}`, list)
      expect(list.body.docs.length).toBeGreaterThan(0)
      const one = await suite.api.rest('GET', `/${slug}/${list.body.docs[0].id}`, { token: suite.tokens.clientA })
      contract.check('GET', `/api/${slug}/{id}`, one)
    }
    contract.check('GET', '/api/invoices/{id}', await suite.api.rest('GET', `/invoices/${suite.world.invoiceB.id}`, { token: suite.tokens.clientA }))
    contract.check('POST', '/api/users/login', await suite.api.rest('POST', '/users/login', { body: { email: suite.world.clientA.email, password: PASSWORD } }))
    contract.check('POST', '/api/users/login', await suite.api.rest('POST', '/users/login', { body: { email: suite.world.clientA.email, password: 'salah-sandi' } }))
    contract.check('GET', '/api/users/me', await suite.api.rest('GET', '/users/me', { token: suite.tokens.clientA }))
    contract.check('PATCH', '/api/projects/{id}', await suite.api.rest('PATCH', `/projects/${suite.world.projectA.id}`, { token: suite.tokens.clientA, body: { status: 'completed' } }))
  })
})
