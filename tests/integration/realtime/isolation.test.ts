import type { RealtimeEvent } from '../../../realtime/protocol'
import { createNotification, createProject } from '../../helpers/fixtures'
import { connectClient, sleep, startRealtime, websocketToken, type RealtimeHarness, type TestClient } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let harness: RealtimeHarness
let clientA: TestClient
let clientB: TestClient

beforeAll(async () => {
  harness = await startRealtime(suite.ctx)
  clientA = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
  clientB = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientB) })
})
afterAll(async () => {
  clientA?.close()
  clientB?.close()
  await harness?.close()
})

const aboutProject = (projectId: number) => (event: RealtimeEvent) => event.payload.data.projectId === projectId

describe("client A never receives client B's events", () => {
  it("B's project status change reaches B only", async () => {
    const { project } = await createProject(suite.ctx.payload, suite.world.clientB, suite.world.tier, 'Rahasia B')
    await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'in_progress' } })
    await clientB.waitFor('project_update', aboutProject(project.id), 1000)
    await sleep(400)
    expect(clientA.events().filter(aboutProject(project.id))).toEqual([])
  })

  it("B's payment events reach B only", async () => {
    const { project, invoice } = await createProject(suite.ctx.payload, suite.world.clientB, suite.world.tier, 'Tagihan B')
    await suite.api.rest('PATCH', `/invoices/${invoice.id}`, { token: suite.tokens.admin, body: { status: 'paid' } })
    await clientB.waitFor('payment_update', aboutProject(project.id), 1000)
    await sleep(400)
    expect(clientA.events().filter(aboutProject(project.id))).toEqual([])
  })

  it("B's personal notification reaches B only", async () => {
    const notification = await createNotification(suite.ctx.payload, { recipient: suite.world.clientB.id, title: 'Pribadi B' })
    await clientB.waitFor<RealtimeEvent>('notification', (event) => event.id === notification.id, 1000)
    await sleep(400)
    expect(clientA.events().map((event) => event.id)).not.toContain(notification.id)
  })

  it("A cannot replay B's stored events", async () => {
    const ack = await clientA.emitWithAck('replay', { afterId: 0 })
    expect(ack.ok).toBe(true)
    const replayed = clientA.received.filter((item) => item.event !== 'realtime:ready' && item.event !== 'realtime:error').map((item) => item.args[0] as RealtimeEvent)
    expect(replayed.length).toBeGreaterThan(0)
    for (const event of replayed) {
      expect([{ user: suite.world.clientA.id }, { role: 'client' }]).toContainEqual(event.payload.audience)
    }
  })
})

describe("client A cannot reach into B's project", () => {
  it("is refused B's project room, with an error event and an ack", async () => {
    const ack = await clientA.emitWithAck('project:join', { projectId: suite.world.projectB.id })
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await clientA.waitFor('realtime:error', (error: { code: string }) => error.code === 'forbidden')
    await suite.api.rest('PATCH', `/projects/${suite.world.projectB.id}`, { token: suite.tokens.admin, body: { status: 'in_progress' } })
    await clientB.waitFor('project_update', aboutProject(suite.world.projectB.id), 1000)
    await sleep(400)
    expect(clientA.events().filter(aboutProject(suite.world.projectB.id))).toEqual([])
  })

  it('gets the same refusal for a project that does not exist', async () => {
    const ack = await clientA.emitWithAck('project:join', { projectId: 999_999 })
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('may join its own project room', async () => {
    const ack = await clientA.emitWithAck('project:join', { projectId: suite.world.projectA.id })
    expect(ack).toEqual({ ok: true, room: `project:${suite.world.projectA.id}` })
  })

  it("cannot mark B's notifications read", async () => {
    const ack = await clientA.emitWithAck('notifications:read', { ids: [suite.world.notificationB.id] })
    expect(ack).toEqual({ ok: true, marked: [] })
    const stored = await suite.ctx.payload.findByID({ collection: 'notifications', id: suite.world.notificationB.id, overrideAccess: true })
    expect(stored.readAt ?? null).toBeNull()
  })
})

describe('client A cannot broadcast or manage connections', () => {
  it('POST /api/websocket/broadcast → 403', async () => {
    const response = await suite.api.rest('POST', '/websocket/broadcast', { token: suite.tokens.clientA, body: { title: 'Palsu', body: 'Palsu', priority: 'critical', audience: 'all' } })
    expect(response.status).toBe(403)
    await sleep(300)
    expect(clientB.events('system_notification').filter((event) => event.payload.title === 'Palsu')).toEqual([])
  })

  it('has no socket event to broadcast with', async () => {
    const ack = await clientA.emitWithAck('broadcast', { title: 'Palsu' })
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_event' } })
  })

  it.each([
    ['GET', '/admin/websocket/status'],
    ['DELETE', `/websocket/connections/abc`],
  ] as const)('%s %s → 403', async (method, path) => {
    expect((await suite.api.rest(method, path, { token: suite.tokens.clientA })).status).toBe(403)
  })

  it('an editor cannot follow any project', async () => {
    const editor = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.editor) })
    try {
      expect(await editor.emitWithAck('project:join', { projectId: suite.world.projectA.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    } finally {
      editor.close()
    }
  })
})
