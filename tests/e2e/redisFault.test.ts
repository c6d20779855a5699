/**
 * Fault: Redis dies under the real app (`REDIS_URL` set, rate limits on) and comes back.
 * While it is gone the app keeps serving as a single instance: pages and the API answer
 * (rate limits fall back to per-process counts), logins work, a broadcast still reaches the
 * sockets connected here, liveness stays green and readiness says Redis is down. When Redis
 * returns, readiness recovers by itself and events flow as before.
 */
import { spawn, type ChildProcess } from 'node:child_process'

import { findFreePort } from '../../lib/findFreePort'
import { startAppServer, type AppServer } from '../helpers/appServer'
import { connectClient, sleep, type TestClient } from '../helpers/realtime'
import { describeWithRedisServer } from '../helpers/requireRedis'

let redisPort = 0
let redis: ChildProcess | undefined
let server: AppServer | undefined
const clients: TestClient[] = []

async function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  for (let waited = 0; waited < 10_000; waited += 100) {
    const ping = spawn('redis-cli', ['-p', String(redisPort), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] })
    const answer = await new Promise<string>((resolve) => {
      let out = ''
      ping.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      ping.on('close', () => resolve(out.trim()))
    })
    if (answer === 'PONG') return child
    await sleep(100)
  }
  throw new Error(`redis-server did not answer on port ${redisPort}`)
}

async function stopRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null) return
  const exited = new Promise((resolve) => redis!.once('exit', resolve))
  redis.kill('SIGKILL')
  await exited
}

const describeIfRedisServer = describeWithRedisServer('Redis outage test (it starts and kills its own redis-server)')

describeIfRedisServer('a Redis outage', () => {
  beforeAll(async () => {
    redisPort = await findFreePort()
    redis = await startRedis()
    server = await startAppServer({ env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000' } })
  }, 600_000)

  afterAll(async () => {
    for (const client of clients) client.close()
    await server?.stop()
    await stopRedis()
  }, 60_000)

  function app(): AppServer {
    if (!server) throw new Error('the app did not start')
    return server
  }

  async function call(pathname: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    const response = await fetch(`${app().url}/api${pathname}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : null }
  }

  async function login(email: string, password: string): Promise<string> {
    const result = await call('/users/login', { method: 'POST', body: { email, password } })
    expect(result.status).toBe(200)
    return result.body!.token as string
  }

  /** An admin broadcast, and whether the client socket hears it. */
  async function broadcastReaches(adminJwt: string, client: TestClient, title: string): Promise<void> {
    const heard = client.waitFor<{ payload: { title?: string } }>('system_notification', (event) => event.payload.title === title, 10_000)
    const sent = await call('/websocket/broadcast', { method: 'POST', token: adminJwt, body: { title, body: 'Uji ketahanan Redis' } })
    expect(sent.status).toBe(201)
    await heard
  }

  async function waitForReady(expected: number, timeoutMs = 30_000): Promise<Record<string, any>> {
    let last: Record<string, any> | null = null
    for (let waited = 0; waited < timeoutMs; waited += 500) {
      const ready = await call('/ready')
      last = ready.body
      if (ready.status === expected) return ready.body!
      await sleep(500)
    }
    throw new Error(`readiness did not become ${expected} in ${timeoutMs} ms: ${JSON.stringify(last)}`)
  }

  test('the app serves through a Redis outage and recovers when Redis returns', async () => {
    expect((await waitForReady(200)).checks.redis.status).toBe('ok')
    const adminJwt = await login('admin@jasaweb.id', 'admin12345')
    const clientJwt = await login('budi@sdharapan.sch.id', 'klien12345')
    const token = await call('/websocket/token', { token: clientJwt })
    const client = await connectClient(app().url, { token: token.body!.token })
    clients.push(client)
    await broadcastReaches(adminJwt, client, 'Sebelum Redis mati')

    await stopRedis()

    // Serving, limits counted in this process, logins, the site and the portal API.
    const pricing = await call('/pricing?limit=1')
    expect(pricing.status).toBe(200)
    expect(pricing.headers.get('x-ratelimit-limit')).toBe('1000')
    expect(await login('sari@kabarkini.id', 'klien12345')).toEqual(expect.any(String))
    expect((await fetch(`${app().url}/`)).status).toBe(200)
    expect((await call('/projects?depth=0', { token: clientJwt })).status).toBe(200)
    // Events still reach the sockets on this instance.
    await broadcastReaches(adminJwt, client, 'Saat Redis mati')
    // Alive, but not ready: a balancer would stop sending new traffic that needs Redis.
    expect((await call('/health')).status).toBe(200)
    const down = await waitForReady(503)
    expect(down.checks.redis.status).toBe('fail')
    expect(down.checks.database.status).toBe('ok')

    redis = await startRedis()
    expect((await waitForReady(200)).checks.redis.status).toBe('ok')
    await broadcastReaches(adminJwt, client, 'Setelah Redis kembali')
    // Nothing in the outage took the process down.
    expect(app().output()).not.toMatch(/unhandled|uncaught/i)
  }, 180_000)
})
