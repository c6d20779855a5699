/**
 * The rate-limit middleware server.ts runs before Next, on a plain HTTP server: headers,
 * 429 with Retry-After, budgets per IP / account / route, windows that reset, the server-action
 * hand-off, Redis shared between two instances and the memory insurance while Redis is down.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { getConfig } from '../../../lib/env'
import { createRateLimiters, type RateLimiters } from '../../../rateLimit/rateLimiters'
import { RATE_LIMITED_HEADER, rateLimitRequest } from '../../../rateLimit/rateLimitMiddleware'
import type { RateLimitPolicies } from '../../../rateLimit/rateLimitPolicies'
import { payloadJwtKey } from '../../../rateLimit/requestIdentity'
import { stampClientIp } from '../../../security/clientIp'
import { parseTrustProxy, TRUST_NOBODY } from '../../../security/trustProxy'
import { describeWithRedis, TEST_REDIS_URL } from '../../helpers/requireRedis'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()

const policies = (overrides: Partial<Record<keyof RateLimitPolicies, number>> = {}, durationSeconds = 60): RateLimitPolicies => {
  const points = { anonymous: 5, user: 8, admin: 20, login: 3, register: 2, passwordReset: 2, pay: 2, webhook: 30, ...overrides }
  const keyBy = { anonymous: 'ip', user: 'user', admin: 'user', login: 'ip', register: 'ip', passwordReset: 'ip', pay: 'user', webhook: 'ip' } as const
  return Object.fromEntries(Object.entries(points).map(([name, count]) => [name, { name, points: count, durationSeconds, keyBy: keyBy[name as keyof typeof keyBy] }])) as RateLimitPolicies
}

type Instance = { url: string; seen: { path: string; marked: string | undefined }[]; close: () => Promise<void> }

// Every request comes from 127.0.0.1 here; most tests pick the "client IP" with a header, as server.ts would from the socket.
const testIp = (req: http.IncomingMessage) => String(req.headers['x-test-ip'] ?? '127.0.0.1')

/** A server like server.ts: the middleware first, then "Next" (here: 200 and a note of what arrived). */
async function serve(limiters: RateLimiters, clientIp: (req: http.IncomingMessage) => string = testIp): Promise<Instance> {
  const key = payloadJwtKey(getConfig().PAYLOAD_SECRET)
  const seen: Instance['seen'] = []
  const server = http.createServer((req, res) => {
    const ip = clientIp(req)
    void rateLimitRequest(req, res, limiters, key, ip).then((answered) => {
      if (answered) return
      seen.push({ path: req.url ?? '', marked: req.headers[RATE_LIMITED_HEADER] as string | undefined })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await limiters.close()
    },
  }
}

const call = (instance: Instance, method: string, path: string, options: { ip?: string; token?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${instance.url}${path}`, {
    method,
    headers: { 'x-test-ip': options.ip ?? '10.0.0.1', ...(options.token ? { authorization: `JWT ${options.token}` } : {}), ...options.headers },
  })

const limits = (response: Response) => ({
  limit: response.headers.get('x-ratelimit-limit'),
  remaining: response.headers.get('x-ratelimit-remaining'),
  reset: Number(response.headers.get('x-ratelimit-reset')),
})

let instance: Instance
afterEach(async () => instance?.close())

it('counts anonymous API requests per IP with X-RateLimit headers, then answers 429 with Retry-After', async () => {
  instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
  for (let index = 1; index <= 5; index += 1) {
    const response = await call(instance, 'GET', '/api/projects')
    expect(response.status).toBe(200)
    expect(limits(response)).toMatchObject({ limit: '5', remaining: String(5 - index) })
    expect(limits(response).reset).toBeGreaterThan(0)
  }
  const refused = await call(instance, 'GET', '/api/projects')
  expect(refused.status).toBe(429)
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(limits(refused).remaining).toBe('0')
  expect((await refused.json()).errors[0].message).toContain('Terlalu banyak permintaan')
  // Refused requests never reached the app.
  expect(instance.seen).toHaveLength(5)
  // Another address has its own budget.
  expect((await call(instance, 'GET', '/api/projects', { ip: '10.0.0.2' })).status).toBe(200)
  // Pages are not counted.
  expect((await call(instance, 'GET', '/harga')).headers.get('x-ratelimit-limit')).toBeNull()
})

it("counts a logged-in client per account (a real Payload session), separate from the IP's anonymous budget, and admins on their own", async () => {
  instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
  for (let index = 0; index < 8; index += 1) expect((await call(instance, 'GET', '/api/projects', { token: suite.tokens.clientA })).status).toBe(200)
  const refused = await call(instance, 'GET', '/api/projects', { token: suite.tokens.clientA })
  expect(refused.status).toBe(429)
  expect(limits(refused).limit).toBe('8')
  // Same IP, another account: untouched.
  expect(limits(await call(instance, 'GET', '/api/projects', { token: suite.tokens.clientB })).remaining).toBe('7')
  // Same IP, anonymous: its own budget.
  expect(limits(await call(instance, 'GET', '/api/projects')).remaining).toBe('4')
  // The admin's larger budget.
  expect(limits(await call(instance, 'GET', '/api/projects', { token: suite.tokens.admin })).limit).toBe('20')
  // A forged token is anonymous, not the account it names.
  expect(limits(await call(instance, 'GET', '/api/projects', { token: `${suite.tokens.admin}x` })).limit).toBe('5')
})

it('limits login attempts per IP more strictly than other requests, and a refused attempt spends nothing else', async () => {
  instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
  for (let index = 0; index < 3; index += 1) expect((await call(instance, 'POST', '/api/users/login')).status).toBe(200)
  const refused = await call(instance, 'POST', '/api/users/login')
  expect(refused.status).toBe(429)
  expect(limits(refused).limit).toBe('3')
  // Three attempts spent three of the anonymous budget; the refused fourth spent none.
  expect(limits(await call(instance, 'GET', '/api/pricing')).remaining).toBe('1')
})

it('passes an over-budget site form on, marked, so the form itself can say when to try again', async () => {
  instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
  const post = () => call(instance, 'POST', '/masuk', { headers: { 'next-action': 'abc123', [RATE_LIMITED_HEADER]: '999' } })
  for (let index = 0; index < 3; index += 1) expect((await post()).status).toBe(200)
  const fourth = await post()
  expect(fourth.status).toBe(200)
  // A client cannot mark its own request; the middleware's mark carries the wait.
  expect(instance.seen.slice(0, 3).map((entry) => entry.marked)).toEqual([undefined, undefined, undefined])
  expect(Number(instance.seen[3]!.marked)).toBeGreaterThan(0)
  expect(Number(instance.seen[3]!.marked)).toBeLessThanOrEqual(60)
})

it('gives the Midtrans webhook its own budget and lets the window reset', async () => {
  instance = await serve(createRateLimiters(policies({ webhook: 2 }, 1), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
  expect((await call(instance, 'POST', '/api/webhooks/midtrans')).status).toBe(200)
  expect((await call(instance, 'POST', '/api/webhooks/midtrans')).status).toBe(200)
  expect((await call(instance, 'POST', '/api/webhooks/midtrans')).status).toBe(429)
  // The anonymous budget of the same address was not spent by the webhook.
  expect(limits(await call(instance, 'GET', '/api/pricing')).remaining).toBe('4')
  // A one-second window: after it, the budget is back.
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  const again = await call(instance, 'POST', '/api/webhooks/midtrans')
  expect(again.status).toBe(200)
  expect(limits(again).remaining).toBe('1')
})

it('answers pay for a client with the pay budget, per account', async () => {
  instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
  const pay = (token: string) => call(instance, 'POST', `/api/invoices/${suite.world.invoiceA.id}/pay`, { token })
  expect((await pay(suite.tokens.clientA)).status).toBe(200)
  expect((await pay(suite.tokens.clientA)).status).toBe(200)
  const refused = await pay(suite.tokens.clientA)
  expect(refused.status).toBe(429)
  expect((await refused.json()).errors[0].message).toContain('pay')
  expect((await pay(suite.tokens.clientB)).status).toBe(200)
})

describe('the client address of a budget (server.ts: stampClientIp, TRUST_PROXY)', () => {
  const forwardedFor = (address: string) => ({ headers: { 'x-forwarded-for': address } })

  it('with TRUST_PROXY unset, counts by the socket address: a forged X-Forwarded-For does not dodge the limit', async () => {
    instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }), (req) => stampClientIp(req, TRUST_NOBODY))
    const remaining: string[] = []
    for (let index = 1; index <= 5; index += 1) remaining.push(limits(await call(instance, 'GET', '/api/projects', forwardedFor(`198.51.100.${index}`))).remaining!)
    expect(remaining).toEqual(['4', '3', '2', '1', '0'])
    expect((await call(instance, 'GET', '/api/projects', forwardedFor('198.51.100.99'))).status).toBe(429)
  })

  it('with TRUST_PROXY=127.0.0.1, gives each forwarded client its own budget, and a spoofed leftmost entry changes nothing', async () => {
    instance = await serve(createRateLimiters(policies(), { keyPrefix: `t-${randomBytes(3).toString('hex')}` }), (req) => stampClientIp(req, parseTrustProxy('127.0.0.1')))
    for (let index = 0; index < 5; index += 1) expect((await call(instance, 'GET', '/api/projects', forwardedFor('198.51.100.1'))).status).toBe(200)
    expect((await call(instance, 'GET', '/api/projects', forwardedFor('198.51.100.1'))).status).toBe(429)
    // The proxy appends the address it saw: whatever the client put before it is not read.
    expect((await call(instance, 'GET', '/api/projects', forwardedFor('203.0.113.1, 198.51.100.1'))).status).toBe(429)
    const other = await call(instance, 'GET', '/api/projects', forwardedFor('198.51.100.2'))
    expect(other.status).toBe(200)
    expect(limits(other).remaining).toBe('4')
    // A garbled header counts against the proxy's own address, never an error.
    expect(limits(await call(instance, 'GET', '/api/projects', forwardedFor('garbage'))).remaining).toBe('4')
  })
})

const describeIfRedis = await describeWithRedis('Redis-backed rate-limit tests')

describeIfRedis('with REDIS_URL', () => {
  it('shares one budget between two instances', async () => {
    const prefix = `t-${randomBytes(3).toString('hex')}`
    const first = await serve(createRateLimiters(policies(), { redisUrl: TEST_REDIS_URL, keyPrefix: prefix }))
    instance = await serve(createRateLimiters(policies(), { redisUrl: TEST_REDIS_URL, keyPrefix: prefix }))
    try {
      // Let both Redis clients connect (no offline queue: before "ready" the memory insurance answers).
      await new Promise((resolve) => setTimeout(resolve, 300))
      for (let index = 0; index < 3; index += 1) expect((await call(first, 'GET', '/api/projects')).status).toBe(200)
      expect(limits(await call(instance, 'GET', '/api/projects')).remaining).toBe('1')
      expect((await call(first, 'GET', '/api/projects')).status).toBe(200)
      expect((await call(instance, 'GET', '/api/projects')).status).toBe(429)
    } finally {
      await first.close()
    }
  })

  it('keeps limiting in memory while Redis is unreachable', async () => {
    instance = await serve(createRateLimiters(policies(), { redisUrl: 'redis://127.0.0.1:1', keyPrefix: `t-${randomBytes(3).toString('hex')}` }))
    for (let index = 0; index < 5; index += 1) expect((await call(instance, 'GET', '/api/projects')).status).toBe(200)
    expect((await call(instance, 'GET', '/api/projects')).status).toBe(429)
  })
})

