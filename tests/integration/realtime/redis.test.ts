/**
 * Several instances sharing Redis: this jest process is instance 1 (REST goes through it),
 * a child process (tests/helpers/realtimeInstance.ts) is instance 2, and a third process
 * plays a background worker with no Socket.IO server at all.
 *
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379). Without it the tests say so
 * loudly and are skipped, except under CI=true, where a missing Redis fails the run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import type { RealtimeEvent } from '../../../realtime/protocol'
import { createProject } from '../../helpers/fixtures'
import { connectClient, startRealtime, websocketToken, type RealtimeHarness, type TestClient } from '../../helpers/realtime'
import { describeWithRedis, TEST_REDIS_URL } from '../../helpers/requireRedis'
import { useWorldSuite } from '../../helpers/worldSuite'
import { NODE_TS_FLAGS } from '../../../lib/nodeFlags'

const REDIS_URL = TEST_REDIS_URL
const describeIfRedis = await describeWithRedis('multi-instance (Redis) real-time tests')

describeIfRedis('two server processes sharing Redis', () => {
  const suite = useWorldSuite()
  const redisKey = `jasaweb-test-${randomBytes(4).toString('hex')}`
  let instance1: RealtimeHarness
  let instance2: { url: string; instanceId: string; child: ChildProcess }

  function childEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env.NODE_OPTIONS
    return { ...env, DATABASE_URL: suite.ctx.databaseUrl, DATA_DIR: suite.ctx.dataDir, APP_ENV: 'test', LOG_LEVEL: 'error', REDIS_URL, REALTIME_REDIS_KEY: redisKey }
  }

  function run(args: string[], until: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
    const child = spawn(process.execPath, [...NODE_TS_FLAGS, 'tests/helpers/realtimeInstance.ts', ...args], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`realtimeInstance ${args.join(' ')} printed nothing useful in 60 s:\n${output}`)), 60_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = until.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve({ child, match })
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.on('exit', (code) => {
        if (!until.exec(output)) {
          clearTimeout(timer)
          reject(new Error(`realtimeInstance ${args.join(' ')} exited ${code}:\n${output}`))
        }
      })
    })
  }

  const clients: TestClient[] = []
  async function clientOn(url: string, jwt: string): Promise<TestClient> {
    const client = await connectClient(url, { token: await websocketToken(suite.api, jwt) })
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    instance1 = await startRealtime(suite.ctx, { redisUrl: REDIS_URL, redisKey })
    const { child, match } = await run(['server'], /ready (\d+) (\S+)/)
    instance2 = { url: `http://127.0.0.1:${match[1]}`, instanceId: match[2]!, child }
  }, 90_000)

  afterAll(async () => {
    for (const client of clients) client.close()
    if (instance2?.child.exitCode === null) {
      const exited = new Promise((resolve) => instance2.child.once('exit', resolve))
      instance2.child.kill('SIGTERM')
      await exited
    }
    await instance1?.close()
  })

  it('an event caused on instance 1 reaches its owner connected to instance 2', async () => {
    const owner = await clientOn(instance2.url, suite.tokens.clientA)
    expect(owner.ready.instanceId).toBe(instance2.instanceId)
    const project = (await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Lintas instans')).project
    const sentAt = Date.now()
    const response = await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'in_progress' } })
    expect(response.status).toBe(200)
    const event = await owner.waitFor<RealtimeEvent>('project_update', (candidate) => candidate.payload.data.projectId === project.id, 2000)
    expect(Date.now() - sentAt).toBeLessThan(1000)
    expect(event.payload.data).toMatchObject({ to: 'in_progress' })
  })

  it('an admin on instance 1 and a client on instance 2 each get what is theirs, once', async () => {
    const admin = await clientOn(instance1.url, suite.tokens.admin)
    const owner = await clientOn(instance2.url, suite.tokens.clientB)
    const { invoice } = await createProject(suite.ctx.payload, suite.world.clientB, suite.world.tier, 'Dua sisi')
    await suite.api.rest('PATCH', `/invoices/${invoice.id}`, { token: suite.tokens.admin, body: { status: 'paid' } })
    const forInvoice = (candidate: RealtimeEvent) => candidate.payload.data.invoiceId === invoice.id
    await Promise.all([admin.waitFor('payment_update', forInvoice, 2000), owner.waitFor('payment_update', forInvoice, 2000)])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(admin.events('payment_update').filter(forInvoice)).toHaveLength(1)
    expect(owner.events('payment_update').filter(forInvoice)).toHaveLength(1)
  })

  it('a worker process without a Socket.IO server emits through the Redis emitter to both instances', async () => {
    const onOne = await clientOn(instance1.url, suite.tokens.clientA)
    const onTwo = await clientOn(instance2.url, suite.tokens.clientA)
    const { match } = await run(['worker', String(suite.world.clientA.id)], /published (\d+)/)
    const id = Number(match[1])
    for (const client of [onOne, onTwo]) {
      const event = await client.waitFor<RealtimeEvent>('notification', (candidate) => candidate.id === id, 3000)
      expect(event.payload.title).toBe('Dari worker')
    }
  })

  it('the admin status counts every instance, and an admin can close a connection held by the other one', async () => {
    const remote = await clientOn(instance2.url, suite.tokens.clientB)
    const status = await suite.api.rest('GET', '/admin/websocket/status', { token: suite.tokens.admin })
    expect(status.status).toBe(200)
    expect(status.body.instances.map((instance: { instanceId: string }) => instance.instanceId).sort()).toEqual([instance1.realtime.instanceId, instance2.instanceId].sort())
    expect(status.body.unreachable).toBe(false)
    expect(status.body.connections.map((connection: { id: string }) => connection.id)).toContain(remote.socket.id)
    const closed = await suite.api.rest('DELETE', `/websocket/connections/${remote.socket.id}`, { token: suite.tokens.admin })
    expect(closed.status).toBe(200)
    expect(await remote.disconnected()).toBe('io server disconnect')
  })

  it("a role change made on instance 1 closes the user's sockets on instance 2", async () => {
    const user = await suite.ctx.payload.create({ collection: 'users', data: { email: `pindah.${Date.now()}@test.jasaweb.id`, password: 'rahasia-123', name: 'Pindah', role: 'client' }, overrideAccess: true })
    const jwt = await suite.api.login(user.email, 'rahasia-123')
    const client = await clientOn(instance2.url, jwt)
    await suite.api.rest('PATCH', `/users/${user.id}`, { token: suite.tokens.admin, body: { role: 'editor' } })
    expect(await client.disconnected()).toBe('io server disconnect')
  })
})
