/**
 * Liveness and readiness as a load balancer sees them: the real handler server.ts uses, on a
 * plain HTTP server, against this file's real database, the real Redis, a real job runner.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import pg, { type Pool } from 'pg'

import { closeRedisCheck } from '../../health/readinessChecks'
import type { ReadinessDeps } from '../../health/readiness'
import { serveHealth } from '../../health/serveHealth'
import { JobRunner } from '../../jobs/jobRunner'
import { migrations } from '../../migrations'
import { describeWithRedis, TEST_REDIS_URL } from '../helpers/requireRedis'
import { createTestPayload, type TestContext } from '../helpers/testPayload'

let ctx: TestContext
let server: http.Server
let baseUrl: string
let deps: ReadinessDeps
let runner: JobRunner | null = null
let shuttingDown = false

const migrationNames = migrations.map((migration) => migration.name)
const appPool = () => (ctx.payload.db as unknown as { pool: Pool }).pool

beforeAll(async () => {
  ctx = await createTestPayload()
  deps = { pool: appPool(), migrationNames, redisUrl: undefined, jobRunner: () => runner?.health() ?? null, shuttingDown: () => shuttingDown }
  server = http.createServer((req, res) => {
    if (!serveHealth(req, res, deps)) res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  await runner?.stop()
  runner = null
  shuttingDown = false
  deps.pool = appPool()
  deps.redisUrl = undefined
  closeRedisCheck()
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await ctx?.close()
})

const get = async (path: string, method = 'GET') => {
  const response = await fetch(`${baseUrl}${path}`, { method })
  const text = await response.text()
  return { status: response.status, text, body: text ? JSON.parse(text) : null }
}

it('answers liveness with the uptime, and HEAD without a body', async () => {
  const live = await get('/api/health')
  expect(live.status).toBe(200)
  expect(live.body).toMatchObject({ status: 'ok', pid: process.pid, uptimeSeconds: expect.any(Number) })
  const head = await get('/api/health', 'HEAD')
  expect(head.status).toBe(200)
  expect(head.text).toBe('')
})

it('is ready with the database reachable and every migration applied; Redis and jobs say why they are skipped', async () => {
  const ready = await get('/api/ready?verbose=1')
  expect(ready.status).toBe(200)
  expect(ready.body.status).toBe('ready')
  expect(ready.body.checks.database).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) })
  expect(ready.body.checks.migrations.status).toBe('ok')
  expect(ready.body.checks.redis).toMatchObject({ status: 'skipped', detail: expect.stringContaining('REDIS_URL') })
  expect(ready.body.checks.jobs).toMatchObject({ status: 'skipped', detail: expect.stringContaining('JOBS_RUN_IN_SERVER') })
})

it('is not ready while a committed migration has not run, naming it', async () => {
  const last = migrationNames.at(-1)!
  const [row] = await ctx.sql<{ id: number }>('select id from payload_migrations where name = $1', [last])
  await ctx.sql('delete from payload_migrations where id = $1', [row!.id])
  try {
    const ready = await get('/api/ready')
    expect(ready.status).toBe(503)
    expect(ready.body.checks.migrations).toMatchObject({ status: 'fail', pending: [last] })
  } finally {
    await ctx.sql(`insert into payload_migrations (name, batch, updated_at, created_at) values ($1, 1, now(), now())`, [last])
  }
  expect((await get('/api/ready')).status).toBe(200)
})

it('is not ready when the database cannot be reached, and says so per check', async () => {
  // A pool pointed at a port where nothing listens.
  const deadPool = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 500 })
  deps.pool = deadPool
  try {
    const ready = await get('/api/ready')
    expect(ready.status).toBe(503)
    expect(ready.body.status).toBe('not_ready')
    expect(ready.body.checks.database.status).toBe('fail')
    expect(ready.body.checks.database.detail).toMatch(/ECONNREFUSED|connect/i)
    // Liveness does not depend on the database: the process is alive, just not ready.
    expect((await get('/api/health')).status).toBe(200)
  } finally {
    await deadPool.end()
  }
})

it('follows the job runner: ready while it turns, not ready once it is stopping', async () => {
  runner = new JobRunner(ctx.payload, { intervalMs: 60_000, batchLimit: 2, staleAfterMs: 600_000 })
  expect((await get('/api/ready')).body.checks.jobs).toMatchObject({ status: 'fail', detail: expect.stringContaining('not completed a pass') })
  await runner.tick()
  const ready = await get('/api/ready')
  expect(ready.status).toBe(200)
  expect(ready.body.checks.jobs).toMatchObject({ status: 'ok', detail: expect.stringContaining('last pass') })
  await runner.stop()
  const stopping = await get('/api/ready')
  expect(stopping.status).toBe(503)
  expect(stopping.body.checks.jobs).toMatchObject({ status: 'fail', detail: 'the job runner is stopping' })
})

it('turns not ready as soon as shutdown begins, so the balancer drains this instance', async () => {
  shuttingDown = true
  const ready = await get('/api/ready')
  expect(ready.status).toBe(503)
  expect(ready.body.checks.shutdown).toEqual({ status: 'fail', detail: 'shutting down' })
})

it('refuses other methods with 405 and an Allow header', async () => {
  const response = await fetch(`${baseUrl}/api/ready`, { method: 'POST' })
  expect(response.status).toBe(405)
  expect(response.headers.get('allow')).toBe('GET, HEAD')
  expect((await response.json()).errors[0].message).toContain('POST')
})

const describeIfRedis = await describeWithRedis('readiness checks against Redis')

describeIfRedis('with REDIS_URL set', () => {
  it('is ready while Redis answers PING', async () => {
    deps.redisUrl = TEST_REDIS_URL
    const ready = await get('/api/ready')
    expect(ready.status).toBe(200)
    expect(ready.body.checks.redis).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) })
  })

  it('is not ready, quickly, when Redis does not answer', async () => {
    deps.redisUrl = 'redis://127.0.0.1:1'
    const ready = await get('/api/ready')
    expect(ready.status).toBe(503)
    expect(ready.body.checks.redis.status).toBe('fail')
    expect(ready.body.checks.database.status).toBe('ok')
  })
})
