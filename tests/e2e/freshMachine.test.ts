/**
 * The fresh-machine check: with DATABASE_URL unset and an empty DATA_DIR, `tsx
 * scripts/start.ts` starts its own PostgreSQL, migrates, seeds, prints the demo logins and
 * serves the admin, the API and the public site; SIGTERM stops everything and exits 0.
 */
import fs from 'node:fs'
import path from 'node:path'

import { startAppServer, type AppServer, type StopResult } from '../helpers/appServer'

type PricingDoc = { name: string; price: unknown }
type PricingList = { totalDocs: number; docs: PricingDoc[] }

let server: AppServer | undefined

beforeAll(async () => {
  server = await startAppServer()
  console.log(`[e2e] fresh machine: ready in ${server.readyMs} ms${server.built ? ' (including next build)' : ''}, waited ${server.lockWaitMs} ms for the start lock`)
}, 600_000)

afterAll(async () => {
  await server?.stop()
}, 60_000)

function app(): AppServer {
  if (!server) throw new Error('the app did not start')
  return server
}

test('starts its embedded PostgreSQL in the empty DATA_DIR and prints the demo logins', () => {
  const output = app().output()
  expect(output).toContain('DATABASE_URL is not set: starting the embedded PostgreSQL')
  expect(fs.existsSync(path.join(app().dataDir, 'postgres', 'PG_VERSION'))).toBe(true)
  expect(output).toContain('Demo logins:')
  for (const login of ['admin@jasaweb.id', 'admin12345', 'budi@sdharapan.sch.id', 'sari@kabarkini.id', 'klien12345', 'editor@jasaweb.id', 'editor12345']) {
    expect(output).toContain(login)
  }
  expect(output).toContain(`admin UI: ${app().url}/admin`)
})

test('/admin answers 200', async () => {
  const response = await fetch(`${app().url}/admin`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/html')
}, 120_000)

test('/api/pricing returns the seeded tiers with whole-rupiah prices', async () => {
  const response = await fetch(`${app().url}/api/pricing?limit=50`)
  expect(response.status).toBe(200)
  const body = (await response.json()) as PricingList
  expect(body.totalDocs).toBeGreaterThanOrEqual(3)
  expect(body.docs.length).toBeGreaterThanOrEqual(3)
  for (const tier of body.docs) {
    expect(Number.isInteger(tier.price)).toBe(true)
    expect(tier.price as number).toBeGreaterThan(0)
  }
}, 60_000)

test('a seeded client pays an unpaid invoice offline through the built-in QRIS simulator', async () => {
  const json = async (pathname: string, init: RequestInit & { token?: string } = {}) => {
    const response = await fetch(`${app().url}/api${pathname}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
    })
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }
  const login = await json('/users/login', { method: 'POST', body: JSON.stringify({ email: 'sari@kabarkini.id', password: 'klien12345' }) })
  expect(login.status).toBe(200)
  const token = login.body.token as string
  const unpaid = await json('/invoices?where[status][equals]=unpaid&depth=0', { token })
  const invoice = unpaid.body.docs[0] as { id: number; amount: number }
  expect(invoice).toBeDefined()

  // Over real HTTP: midtrans-client calls the app's own simulator, the webhook path verifies.
  const pay = await json(`/invoices/${invoice.id}/pay`, { method: 'POST', token })
  expect(pay.status).toBe(201)
  expect(pay.body).toMatchObject({ simulated: true, amount: invoice.amount })
  expect(pay.body.qrImage).toMatch(/^data:image\/svg\+xml;base64,/)
  const again = await json(`/invoices/${invoice.id}/pay`, { method: 'POST', token })
  expect(again.body.orderId).toBe(pay.body.orderId)

  const simulated = await json(`/invoices/${invoice.id}/simulate-payment`, { method: 'POST', token })
  expect(simulated.status).toBe(200)
  expect(simulated.body.result).toBe('paid')
  const after = await json(`/invoices/${invoice.id}?depth=1`, { token })
  expect(after.body.status).toBe('paid')
  expect(after.body.project.status).toBe('in_progress')
}, 120_000)

test("the server's own webhook route refuses malformed, forged and oversized notifications", async () => {
  const post = async (body: string) => {
    const response = await fetch(`${app().url}/api/webhooks/midtrans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    return { status: response.status, body: (await response.json()) as { errors?: { message: string }[] } }
  }
  const malformed = await post('{"order_id": ')
  expect(malformed.status).toBe(400)
  expect(malformed.body.errors?.[0]?.message).toMatch(/not valid JSON/)
  const forged = await post(
    JSON.stringify({ order_id: 'INV-FORGED-1', status_code: '200', gross_amount: '1000.00', transaction_status: 'settlement', signature_key: 'a'.repeat(128) }),
  )
  expect(forged.status).toBe(401)
  expect(forged.body.errors?.[0]?.message).toMatch(/signature/i)
  const oversized = await post(JSON.stringify({ order_id: 'x', padding: 'y'.repeat(70 * 1024) }))
  expect(oversized.status).toBe(413)
}, 60_000)

test('/ answers 200 in Indonesian', async () => {
  const response = await fetch(`${app().url}/`)
  expect(response.status).toBe(200)
  const html = await response.text()
  expect(html).toMatch(/<html[^>]*lang="id"/)
  // The landing page's copy will change; these words belong to any Indonesian version of it.
  expect(html).toMatch(/sekolah/i)
  expect(html).toMatch(/berita/i)
  expect(html).toMatch(/\b(dan|untuk|Anda)\b/)
}, 60_000)

test('SIGTERM exits 0 within 15 s and stops the embedded PostgreSQL', async () => {
  const result: StopResult = await app().stop({ timeoutMs: 15_000 })
  console.log(`[e2e] fresh machine: stopped in ${result.durationMs} ms with code ${result.code}`)
  expect(result.forced).toBe(false)
  expect(result.signal).toBeNull()
  expect(result.code).toBe(0)
  expect(result.durationMs).toBeLessThan(15_000)
  expect(result.output).toContain('[jasaweb] stopped')
  expect(result.postmasterPidLeft).toBe(false)
}, 60_000)
