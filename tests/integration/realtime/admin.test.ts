import type { RealtimeEvent } from '../../../realtime/protocol'
import { connectClient, sleep, startRealtime, websocketToken, type RealtimeHarness, type TestClient } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let harness: RealtimeHarness
let clientA: TestClient
let admin: TestClient

beforeAll(async () => {
  harness = await startRealtime(suite.ctx)
  clientA = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
  admin = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.admin) })
})
afterAll(async () => {
  clientA?.close()
  admin?.close()
  await harness?.close()
})

describe('GET /api/admin/websocket/status', () => {
  it('reports connections, distinct users, rooms and messages per minute for this instance', async () => {
    const second = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
    try {
      await second.emitWithAck('project:join', { projectId: suite.world.projectA.id })
      const response = await suite.api.rest('GET', '/admin/websocket/status', { token: suite.tokens.admin })
      expect(response.status).toBe(200)
      const { instances, totals, connections } = response.body
      expect(instances).toHaveLength(1)
      expect(instances[0]).toMatchObject({ instanceId: harness.realtime.instanceId, connections: 3, users: 2, projectRooms: 1 })
      expect(instances[0].messagesPerMinute).toBeGreaterThanOrEqual(1)
      // user:A, user:admin, role:client, role:admin, project:A, and one room per session (A's two sockets share one).
      expect(instances[0].rooms).toBe(7)
      expect(totals).toMatchObject({ instances: 1, connections: 3, users: 2 })
      expect(connections.map((connection: { id: string }) => connection.id).sort()).toEqual([clientA.socket.id, admin.socket.id, second.socket.id].sort())
      expect(connections.find((connection: { id: string }) => connection.id === second.socket.id)).toMatchObject({ userId: suite.world.clientA.id, role: 'client', via: 'token' })
    } finally {
      second.close()
    }
  })

  it('refuses anonymous callers', async () => {
    expect((await suite.api.rest('GET', '/admin/websocket/status')).status).toBe(401)
  })
})

describe('POST /api/websocket/broadcast', () => {
  it('saves an announcement, which reaches its audience with its priority', async () => {
    const response = await suite.api.rest('POST', '/websocket/broadcast', { token: suite.tokens.admin, body: { title: 'Pemeliharaan', body: 'Server dipelihara pukul 22.00', priority: 'high', audience: 'clients' } })
    expect(response.status).toBe(201)
    const stored = await suite.ctx.payload.findByID({ collection: 'announcements', id: response.body.doc.id, overrideAccess: true })
    expect(stored).toMatchObject({ title: 'Pemeliharaan', audience: 'clients', priority: 'high' })
    expect(stored.notifiedAt).toBeTruthy()
    const event = await clientA.waitFor<RealtimeEvent>('system_notification', (candidate) => candidate.payload.data.announcementId === stored.id, 1000)
    expect(event.payload).toMatchObject({ title: 'Pemeliharaan', priority: 'high' })
    await sleep(300)
    expect(admin.events('system_notification').filter((candidate) => candidate.payload.data.announcementId === stored.id)).toEqual([])
  })

  it.each([
    [{ title: '', body: 'x' }, /title/],
    [{ title: 'x', body: 'x', priority: 'urgent' }, /priority/],
    [{ title: 'x', body: 'x', audience: 'everyone' }, /audience/],
    [{ title: 'x', body: 'x', extra: 1 }, /extra|unrecognized/i],
  ])('refuses an invalid body %j with 400', async (body, message) => {
    const response = await suite.api.rest('POST', '/websocket/broadcast', { token: suite.tokens.admin, body })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(message)
  })
})

describe('DELETE /api/websocket/connections/:id', () => {
  it('closes the connection, tells the client why, and audits it', async () => {
    const victim = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
    const id = victim.socket.id!
    const response = await suite.api.rest('DELETE', `/websocket/connections/${id}`, { token: suite.tokens.admin })
    expect(response.status).toBe(200)
    expect(response.body.connection).toMatchObject({ id, userId: suite.world.clientA.id })
    expect(await victim.disconnected()).toBe('io server disconnect')
    expect(victim.errors()).toContainEqual(expect.objectContaining({ code: 'disconnected' }))
    const audit = await suite.ctx.payload.find({ collection: 'audit-log', where: { and: [{ targetId: { equals: id } }, { action: { equals: 'ws_force_disconnect' } }] }, overrideAccess: true, depth: 0 })
    expect(audit.docs[0]).toMatchObject({ actor: suite.world.admin.id, actorEmail: suite.world.admin.email })
    expect(audit.docs[0]!.summary).toContain(suite.world.clientA.email)
  })

  it('answers 404 for a connection that does not exist', async () => {
    expect((await suite.api.rest('DELETE', '/websocket/connections/nope123', { token: suite.tokens.admin })).status).toBe(404)
  })
})

describe('audit log', () => {
  it('records each connection and disconnection with the user and address', async () => {
    const client = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientB) })
    const id = client.socket.id!
    client.close()
    await sleep(500)
    const { docs } = await suite.ctx.payload.find({ collection: 'audit-log', where: { targetId: { equals: id } }, sort: 'at', depth: 0, overrideAccess: true })
    expect(docs.map((entry) => entry.action)).toEqual(['ws_connect', 'ws_disconnect'])
    for (const entry of docs) expect(entry).toMatchObject({ targetCollection: 'websocket', actor: suite.world.clientB.id, actorEmail: suite.world.clientB.email, ip: '127.0.0.1' })
    expect(docs[1]!.summary).toMatch(/client namespace disconnect/)
  })
})
