/**
 * What operations sees of the real app (`scripts/start.ts`, rate limits switched on with small
 * budgets): liveness and readiness before Next, the security headers on every kind of
 * response, X-RateLimit headers and 429 on the API, and
 * the login form telling a visitor over the budget when to try again, in a real browser.
 */
import http from 'node:http'
import { chromium, type Browser } from 'playwright-core'

import { startAppServer, type AppServer } from '../helpers/appServer'
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser'

const LOGIN_BUDGET = 4
let server: AppServer | undefined
let browser: Browser | undefined

beforeAll(async () => {
  server = await startAppServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_LOGIN_PER_15_MINUTES: String(LOGIN_BUDGET), RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000', LOG_LEVEL: 'info' } })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

function app(): AppServer {
  if (!server) throw new Error('the app did not start')
  return server
}

test('liveness and readiness answer from the running app, every check green', async () => {
  const live = await fetch(`${app().url}/api/health`)
  expect(live.status).toBe(200)
  expect(live.headers.get('x-ratelimit-limit')).toBeNull()
  expect(await live.json()).toMatchObject({ status: 'ok' })

  const ready = await fetch(`${app().url}/api/ready`)
  const body = await ready.json()
  expect(ready.status).toBe(200)
  expect(body.status).toBe('ready')
  expect(body.checks.database.status).toBe('ok')
  expect(body.checks.migrations.status).toBe('ok')
  expect(body.checks.redis.status).toBe('skipped')
  // The job runner runs in the server by default and has completed a pass by now.
  expect(body.checks.jobs.status).toBe('ok')
})

test('every kind of response carries the security headers: site, portal, admin, API, probes', async () => {
  for (const path of ['/', '/portal/login', '/admin/login', '/api/pricing?limit=1', '/api/health', '/tidak-ada-halaman-ini']) {
    const response = await fetch(`${app().url}${path}`, { redirect: 'manual' })
    await response.body?.cancel()
    expect([path, response.headers.get('x-content-type-options')]).toEqual([path, 'nosniff'])
    expect([path, response.headers.get('x-frame-options')]).toEqual([path, 'SAMEORIGIN'])
    expect([path, response.headers.get('content-security-policy')]).toEqual([path, expect.stringContaining("frame-ancestors 'self'")])
    expect([path, response.headers.get('referrer-policy')]).toEqual([path, 'strict-origin-when-cross-origin'])
  }
})

test('every response names its request (X-Request-Id), an error answer and the log lines carry the same id', async () => {
  const page = await fetch(`${app().url}/api/pricing?limit=1`)
  expect(page.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  await page.body?.cancel()

  const mine = 'ops-e2e-request-0001'
  const refused = await fetch(`${app().url}/api/projects/1`, { headers: { 'x-request-id': mine } })
  expect(refused.headers.get('x-request-id')).toBe(mine)
  const body = await refused.json()
  expect(refused.status).toBeGreaterThanOrEqual(400)
  expect(body.requestId).toBe(mine)
  // Payload logged the refusal (at info, the app runs at LOG_LEVEL=info here) with the id on its line.
  const logged = async () => {
    for (let waited = 0; waited < 5000; waited += 100) {
      const line = app().output().split('\n').find((text) => text.includes(mine))
      if (line) return line
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return null
  }
  expect(await logged()).toEqual(expect.stringContaining(mine))
})

test('the REST API server.ts answers itself ignores a Host that makes no address and refuses a broken one with 400, never 500', async () => {
  const { port } = new URL(app().url)
  // The address Payload sees is the app's own (SERVER_URL), so a Host header that makes no
  // address, or an IPv6 literal left open, changes nothing (fetch cannot send these).
  for (const host of ['bad host', '[::1']) {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path: '/api/pricing?limit=1', headers: { host } }, (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      })
      request.on('error', reject)
      request.end()
    })
    expect([host, answer.status]).toEqual([host, 200])
    expect(JSON.parse(answer.body).docs).toHaveLength(1)
  }
  const broken = await fetch(`${app().url}/api/projects/%E0%A4%A`)
  expect(broken.status).toBe(400)
  expect((await broken.json()).errors[0].message).toContain('percent-encoding')

  // A long query sent as a POST read as a GET (Payload's method override), its body not JSON.
  const override = (body: string) =>
    fetch(`${app().url}/api/pricing`, { method: 'POST', headers: { 'x-http-method-override': 'GET', 'content-type': 'application/json' }, body })
  const notJson = await override('{bad')
  expect(notJson.status).toBe(400)
  expect((await notJson.json()).errors[0].message).toContain('not valid JSON')
  const read = await override(JSON.stringify({ limit: 1 }))
  expect(read.status).toBe(200)
  expect((await read.json()).docs.length).toBeGreaterThan(0)
})

test('a REST body over 1 MiB is refused with 413 before Payload reads it, with or without a declared length', async () => {
  const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })
  const declared = await fetch(`${app().url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge })
  expect(declared.status).toBe(413)
  expect((await declared.json()).errors[0].message).toContain('larger than 1048576 bytes')

  // Sent in chunks without Content-Length: cut off once it passes the limit.
  const chunks = new TextEncoder().encode(huge)
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < chunks.length; offset += 64 * 1024) controller.enqueue(chunks.slice(offset, offset + 64 * 1024))
      controller.close()
    },
  })
  const chunked = await fetch(`${app().url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
  expect(chunked.status).toBe(413)
  await chunked.body?.cancel()
})

test('/api/v1 answers the custom endpoints as /api does, and says what it does not cover', async () => {
  const health = await fetch(`${app().url}/api/v1/health`)
  expect(health.status).toBe(200)
  expect(health.headers.get('api-version')).toBe('v1')
  expect(await health.json()).toMatchObject({ status: 'ok' })

  const token = await fetch(`${app().url}/api/v1/websocket/token`)
  expect(token.status).toBe(401)
  expect(token.headers.get('api-version')).toBe('v1')

  const collection = await fetch(`${app().url}/api/v1/pricing`)
  expect(collection.status).toBe(404)
  expect((await collection.json()).errors[0].message).toContain('Collection routes are unversioned: /api/pricing')
  const unknown = await fetch(`${app().url}/api/v7/health`)
  expect(unknown.status).toBe(404)
  await unknown.body?.cancel()
})

test('the API carries X-RateLimit headers, and login attempts past the budget get 429 with Retry-After', async () => {
  const pricing = await fetch(`${app().url}/api/pricing?limit=1`)
  expect(pricing.status).toBe(200)
  expect(pricing.headers.get('x-ratelimit-limit')).toBe('1000')
  expect(Number(pricing.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000)

  const attempt = () =>
    fetch(`${app().url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'tidak.ada@contoh.id', password: 'salah-sekali' }) })
  const statuses: number[] = []
  for (let index = 0; index < LOGIN_BUDGET; index += 1) statuses.push((await attempt()).status)
  expect(statuses.every((status) => status === 401)).toBe(true)
  const refused = await attempt()
  expect(refused.status).toBe(429)
  expect(refused.headers.get('x-ratelimit-limit')).toBe(String(LOGIN_BUDGET))
  expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  expect((await refused.json()).errors[0].message).toContain('Coba lagi')
})

test('the login form, over the same budget, says in the page when to try again', async () => {
  const page = await browser!.newPage()
  try {
    await page.goto(`${app().url}/masuk`)
    await page.getByLabel('Email').fill('budi@sdharapan.sch.id')
    await page.getByLabel('Kata sandi', { exact: true }).fill('klien12345')
    await page.getByRole('button', { name: 'Masuk' }).click()
    // The budget was spent by the API attempts above: the right password does not get in.
    await page.getByText(/Terlalu banyak percobaan dari alamat Anda\. Coba lagi dalam \d+ menit\./).waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/masuk')
  } finally {
    await page.close()
  }
})
