import { EventEmitter } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Pool } from 'pg'

import { z } from 'zod'

import { defineTask } from '../../../jobs/defineTask'
import { ConfigError, parseEnv } from '../../../lib/env'
import { instrumentPool, recordQuery } from '../../../performance/instrumentPool'
import { normaliseRoute, OTHER_ROUTE, RouteCatalogue } from '../../../performance/normaliseRoute'
import { performanceState, takeMinute } from '../../../performance/performanceState'
import { recordJobOutcome } from '../../../performance/recordJobOutcome'
import { recordRequest, withRequestMetrics } from '../../../performance/recordRequest'
import { LOOP_RESOLUTION_MS, readGauges } from '../../../performance/performanceMonitor'
import { RingBuffer } from '../../../performance/ringBuffer'
import { rollUpMinute } from '../../../performance/rollUpMinute'
import { percentile } from '../../../performance/summarise'

const gauges = { eventLoopLag: { mean: 1.5, p99: 4, max: 9 }, rssBytes: 200_000_000, heapUsedBytes: 80_000_000, sockets: 3 }

describe('route normalisation', () => {
  it.each([
    ['/api/projects/123', '/api/projects/:id'],
    ['/portal/tagihan/9/kwitansi', '/portal/tagihan/:id/kwitansi'],
    ['/api/invoices/42/pay?depth=0', '/api/invoices/:id/pay'],
    ['/api/users/me', '/api/users/me'],
    ['/', '/'],
    ['/harga/', '/harga'],
    ['/api/notifications/3f2b8c1e-9a7d-4c1b-8e2f-0a1b2c3d4e5f', '/api/notifications/:id'],
    ['/blog/cara-memilih-hosting-sekolah', '/blog/:slug'],
    ['/layanan/berita', '/layanan/:slug'],
    ['/_next/static/chunks/app-4f1c2e.js', '/_next/*'],
    ['/api/media/file/foto-sekolah.webp', '/api/media/file/*'],
    ['/a/b/c/d/e/f/g/h', '/a/b/c/d/e/f/*'],
    ['/api/projects/' + 'x'.repeat(41), '/api/projects/:id'],
    ['*', '(invalid)'],
  ])('%s → %s', (url, route) => {
    expect(normaliseRoute(url)).toBe(route)
  })

  it('keeps at most `capacity` routes and counts the rest as (other)', () => {
    const catalogue = new RouteCatalogue(3)
    expect(['/a', '/b/1', '/b/2', '/c'].map((url) => catalogue.label(url))).toEqual(['/a', '/b/:id', '/b/:id', '/c'])
    expect(catalogue.label('/d')).toBe(OTHER_ROUTE)
    expect(catalogue.label('/scan/wp-admin')).toBe(OTHER_ROUTE)
    // Routes already known keep their name once the catalogue is full.
    expect(catalogue.label('/b/99')).toBe('/b/:id')
    expect(catalogue.size).toBe(3)
  })
})

describe('ring buffer', () => {
  it('holds only the newest `capacity` samples, oldest first, and exact totals of all', () => {
    const buffer = new RingBuffer(4)
    for (const value of [1, 2, 3, 4, 5, 6]) buffer.push(value)
    expect(buffer.values()).toEqual([3, 4, 5, 6])
    expect(buffer.length).toBe(4)
    expect({ total: buffer.total, sum: buffer.sum, max: buffer.max }).toEqual({ total: 6, sum: 21, max: 6 })
  })

  it('is in order before it has wrapped', () => {
    const buffer = new RingBuffer(4)
    buffer.push(7)
    buffer.push(2)
    expect(buffer.values()).toEqual([7, 2])
  })

  it('never grows past its capacity however much is pushed', () => {
    const buffer = new RingBuffer(100)
    for (let i = 0; i < 100_000; i++) buffer.push(i)
    expect(buffer.values()).toHaveLength(100)
    expect(buffer.values()[0]).toBe(99_900)
    expect(buffer.total).toBe(100_000)
  })
})

describe('nearest-rank percentile', () => {
  it('is the smallest value with at least p% at or below it', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 10)]).toEqual([5, 10, 10, 1])
  })
})

describe('the minute roll-up', () => {
  beforeEach(() => takeMinute(Date.parse('2026-12-04T06:00:30Z')))

  it('sums up a minute of requests, queries and jobs to the hand-computed figures', () => {
    // Twenty project requests taking 1…20 ms (the 19th a 404, the 20th a 500) and two home-page hits of 100 and 200 ms.
    for (let i = 1; i <= 20; i++) recordRequest('GET', `/api/projects/${i}`, i === 20 ? 500 : i === 19 ? 404 : 200, i)
    recordRequest('GET', '/', 200, 100)
    recordRequest('GET', '/?utm=x', 200, 200)
    recordQuery(5, false)
    recordQuery(15, true)
    recordJobOutcome('sendEmail', 'completed')
    recordJobOutcome('sendEmail', 'completed')
    recordJobOutcome('sendEmail', 'failed')
    const row = rollUpMinute(takeMinute(Date.parse('2026-12-04T06:01:00Z')), gauges, 'test-instance')
    // 22 latencies sorted: 1…20, 100, 200. Sum 210 + 300 = 510. Ranks: p50 ⌈11⌉ → 11, p95 ⌈20.9⌉ = 21 → 100, p99 ⌈21.78⌉ = 22 → 200.
    expect(row).toEqual({
      minute: '2026-12-04T06:00:00.000Z',
      instance: 'test-instance',
      requests: 22,
      serverErrors: 1,
      clientErrors: 1,
      latencyMean: 510 / 22,
      latencyP50: 11,
      latencyP95: 100,
      latencyP99: 200,
      latencyMax: 200,
      dbQueries: 2,
      dbErrors: 1,
      dbMean: 10,
      dbP95: 15,
      dbMax: 15,
      eventLoopLagMean: 1.5,
      eventLoopLagP99: 4,
      eventLoopLagMax: 9,
      rssBytes: 200_000_000,
      heapUsedBytes: 80_000_000,
      sockets: 3,
      jobsCompleted: 2,
      jobsFailed: 1,
      // 1…20: mean 10.5, p95 rank ⌈19⌉ → 19. 100 and 200: mean 150, p95 rank ⌈1.9⌉ = 2 → 200.
      routes: [
        { method: 'GET', route: '/api/projects/:id', requests: 20, errors: 1, mean: 10.5, p95: 19 },
        { method: 'GET', route: '/', requests: 2, errors: 0, mean: 150, p95: 200 },
      ],
      jobs: { sendEmail: { completed: 2, failed: 1 } },
    })
  })

  it('leaves the figures of a quiet minute empty rather than zero', () => {
    const row = rollUpMinute(takeMinute(Date.now()), { ...gauges, eventLoopLag: null }, 'quiet')
    expect(row).toMatchObject({ requests: 0, latencyP95: null, latencyMean: null, dbQueries: 0, dbP95: null, eventLoopLagP99: null, routes: [], jobs: {} })
  })

  it('keeps the ten busiest routes of a minute', () => {
    for (let route = 0; route < 15; route++) for (let hit = 0; hit <= route; hit++) recordRequest('GET', `/route-${String.fromCharCode(97 + route)}`, 200, 1)
    const row = rollUpMinute(takeMinute(Date.now()), gauges, 'busy')
    expect(row.routes).toHaveLength(10)
    expect(row.routes[0]).toMatchObject({ route: '/route-o', requests: 15 })
    expect(row.requests).toBe(120)
  })

  it('starts a new minute at the boundary the roll-up happens in', () => {
    takeMinute(Date.parse('2026-12-04T06:07:42Z'))
    expect(new Date(performanceState().current.startedAt).toISOString()).toBe('2026-12-04T06:07:00.000Z')
  })
})

describe('the request middleware', () => {
  it('records each answered request with its route and status, and passes the request through untouched', async () => {
    takeMinute(Date.now())
    const server = http.createServer(
      withRequestMetrics((req, res) => {
        res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, { 'content-type': 'text/plain' })
        res.end(`seen ${req.url}`)
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      expect(await (await fetch(`${base}/api/projects/7?x=1`)).text()).toBe('seen /api/projects/7?x=1')
      expect((await fetch(`${base}/missing/12`)).status).toBe(404)
      // 'close' follows the response: give it a turn of the loop.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const row = rollUpMinute(takeMinute(Date.now()), gauges, 'http')
      expect(row.requests).toBe(2)
      expect(row.clientErrors).toBe(1)
      expect(row.routes.map((route) => `${route.method} ${route.route} ${route.errors}`).sort()).toEqual(['GET /api/projects/:id 0', 'GET /missing/:id 0'])
    } finally {
      server.close()
    }
  })
})

/** A stand-in for pg's Pool: clients whose query answers by promise or callback, as pg's does. */
function fakePool() {
  const pool = new EventEmitter() as EventEmitter & { _clients: unknown[] }
  const makeClient = () => ({
    query(text: string, values?: unknown, callback?: (error: Error | null, result?: unknown) => void) {
      const cb = typeof values === 'function' ? (values as typeof callback) : callback
      const outcome = text === 'fail' ? Promise.reject(new Error('boom')) : Promise.resolve({ rows: [text] })
      if (cb) {
        outcome.then((result) => cb(null, result), (error: Error) => cb(error))
        return undefined
      }
      return outcome
    },
  })
  pool._clients = [makeClient()]
  return { pool, makeClient }
}

describe('a request the client abandons', () => {
  it('is recorded as 499 when the connection closes before an answer', async () => {
    takeMinute(Date.now())
    let arrived!: () => void
    const arrival = new Promise<void>((resolve) => (arrived = resolve))
    let closed!: () => void
    const closing = new Promise<void>((resolve) => (closed = resolve))
    const server = http.createServer(
      withRequestMetrics((_req, res) => {
        res.on('close', () => closed())
        arrived()
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const controller = new AbortController()
    const pending = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/portal/tagihan/9/kwitansi`, { signal: controller.signal }).catch(() => undefined)
    await arrival
    controller.abort()
    await pending
    await closing
    server.closeAllConnections()
    server.close()
    const row = rollUpMinute(takeMinute(Date.now()), gauges, 'abandoned')
    expect(row).toMatchObject({ requests: 1, clientErrors: 1, serverErrors: 0 })
    expect(row.routes[0]).toMatchObject({ route: '/portal/tagihan/:id/kwitansi', requests: 1 })
  })
})

describe('query timing on the pool', () => {
  it('times promise and callback queries on open and new clients, returning exactly what pg returned', async () => {
    const { pool, makeClient } = fakePool()
    const recorded: boolean[] = []
    instrumentPool(pool as unknown as Pool, (_ms, failed) => recorded.push(failed))
    const open = pool._clients[0] as ReturnType<typeof makeClient>
    await expect(open.query('SELECT 1')).resolves.toEqual({ rows: ['SELECT 1'] })
    await expect(open.query('fail')).rejects.toThrow('boom')
    const fresh = makeClient()
    pool.emit('connect', fresh)
    const viaCallback = await new Promise((resolve) => fresh.query('SELECT 2', [], (error, result) => resolve({ error, result })))
    expect(viaCallback).toEqual({ error: null, result: { rows: ['SELECT 2'] } })
    expect(recorded).toEqual([false, true, false])
  })

  it('wraps a pool once, however often it is asked to', async () => {
    const { pool } = fakePool()
    const recorded: number[] = []
    instrumentPool(pool as unknown as Pool, (ms) => recorded.push(ms))
    instrumentPool(pool as unknown as Pool, (ms) => recorded.push(ms))
    await (pool._clients[0] as { query: (text: string) => Promise<unknown> }).query('SELECT 1')
    expect(recorded).toHaveLength(1)
  })
})

describe('performance configuration', () => {
  const base = { PAYLOAD_SECRET: 'a'.repeat(40), CREDENTIALS_KEY: 'b'.repeat(64) }

  it('has defaults and no metrics token', () => {
    const config = parseEnv(base)
    expect(config.METRICS_TOKEN).toBeUndefined()
    expect(config).toMatchObject({
      PERFORMANCE_RETENTION_DAYS: 35,
      PERFORMANCE_ANOMALY_THRESHOLD: 3,
      PERFORMANCE_ANOMALY_WINDOW_MINUTES: 30,
      PERFORMANCE_ALERT_COOLDOWN_MINUTES: 60,
    })
  })

  it.each([
    ['METRICS_TOKEN', 'short'],
    ['PERFORMANCE_RETENTION_DAYS', '0'],
    ['PERFORMANCE_ANOMALY_THRESHOLD', 'high'],
    ['PERFORMANCE_ANOMALY_WINDOW_MINUTES', '2'],
    ['PERFORMANCE_ALERT_COOLDOWN_MINUTES', '-5'],
  ])('stops start-up on a bad %s, naming it', (name, value) => {
    expect(() => parseEnv({ ...base, [name]: value })).toThrow(ConfigError)
    expect(() => parseEnv({ ...base, [name]: value })).toThrow(name)
  })
})

describe('job outcomes', () => {
  it('counts each try of a defineTask task as completed or failed, per task', async () => {
    takeMinute(Date.now())
    let fail = false
    const task = defineTask({
      slug: 'sendEmail',
      label: 'Kirim email',
      queue: 'default',
      input: z.object({ to: z.string() }),
      retries: 2,
      backoffMs: 1000,
      handler: async () => {
        if (fail) throw new Error('SMTP down')
        return { sent: true }
      },
    })
    const run = (input: unknown) => (task.handler as (args: unknown) => Promise<unknown>)({ input, job: { id: 1 }, req: {} })
    await expect(run({ to: 'a@b.id' })).resolves.toEqual({ output: { sent: true } })
    fail = true
    await expect(run({ to: 'a@b.id' })).rejects.toThrow('SMTP down')
    // Input no retry can fix is a failed try too.
    await expect(run({})).rejects.toThrow('invalid input')
    expect(Object.fromEntries(performanceState().current.jobs)).toEqual({ sendEmail: { completed: 1, failed: 2 } })
  })
})

describe('the end-of-minute gauges', () => {
  it('reads memory and sockets, and no event-loop figures when nothing was measured', () => {
    const gauges = readGauges(undefined)
    expect(gauges.eventLoopLag).toBeNull()
    expect(gauges.rssBytes).toBeGreaterThan(gauges.heapUsedBytes)
    expect(gauges.heapUsedBytes).toBeGreaterThan(0)
    // No Socket.IO server in this process.
    expect(gauges.sockets).toBe(0)
  })
})

describe('event-loop lag', () => {
  it('is the delay beyond the monitor\'s own interval', async () => {
    const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
    loop.enable()
    // Idle for a few intervals, then one blocking stretch of ~60 ms.
    await new Promise((resolve) => setTimeout(resolve, 5 * LOOP_RESOLUTION_MS))
    const blockedUntil = performance.now() + 60
    while (performance.now() < blockedUntil);
    await new Promise((resolve) => setTimeout(resolve, 2 * LOOP_RESOLUTION_MS))
    loop.disable()
    const { eventLoopLag } = readGauges(loop)
    // The raw histogram's minimum is about one interval: the lag reported is what lies beyond it.
    expect(loop.min / 1e6).toBeGreaterThanOrEqual(LOOP_RESOLUTION_MS - 1)
    expect(eventLoopLag!.max).toBeGreaterThanOrEqual(40)
    expect(eventLoopLag!.max).toBeLessThan(loop.max / 1e6)
  })
})
