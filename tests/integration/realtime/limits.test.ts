import { connectClient, refusedConnect, sleep, startRealtime, websocketToken, type RealtimeHarness, type TestClient } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let harness: RealtimeHarness
let token: string

beforeAll(async () => {
  // The product defaults (10 per IP, 100 messages a minute, 64 KB), as lib/env.ts sets them.
  harness = await startRealtime(suite.ctx)
  token = await websocketToken(suite.api, suite.tokens.clientA)
})
afterAll(async () => harness?.close())

it('uses the configured defaults', () => {
  expect(harness.realtime.limits).toMatchObject({ maxConnectionsPerIp: 10, messagesPerMinute: 100, maxMessageBytes: 65_536, pingIntervalMs: 25_000, pingTimeoutMs: 20_000 })
})

it('refuses the 11th connection from one address, and admits again once one closes', async () => {
  const open: TestClient[] = []
  try {
    for (let index = 0; index < 10; index += 1) open.push(await connectClient(harness.url, { token }))
    const refusal = await refusedConnect(harness.url, { token })
    expect(refusal.code).toBe('too_many_connections')
    expect(refusal.message).toMatch(/at most 10/)
    open.pop()!.close()
    await sleep(200)
    open.push(await connectClient(harness.url, { token }))
  } finally {
    for (const client of open) client.close()
  }
})

it('does not count refused handshakes against the address', async () => {
  for (let index = 0; index < 15; index += 1) await refusedConnect(harness.url, { token: 'garbage' })
  const clients: TestClient[] = []
  try {
    for (let index = 0; index < 10; index += 1) clients.push(await connectClient(harness.url, { token }))
  } finally {
    for (const client of clients) client.close()
  }
})

it('answers a flood with an error, then disconnects the repeat offender', async () => {
  await sleep(200)
  const client = await connectClient(harness.url, { token })
  for (let index = 0; index < 120; index += 1) client.socket.emit('project:leave', { projectId: 1 })
  expect(await client.disconnected()).toBe('io server disconnect')
  const errors = client.errors().filter((error) => error.code === 'rate_limited')
  expect(errors.length).toBeGreaterThanOrEqual(2)
  expect(errors[0]!.message).toMatch(/at most 100 per minute/)
  expect(errors.at(-1)!.message).toMatch(/disconnected/)
})

it('a message within the limit after a short burst is still served', async () => {
  const client = await connectClient(harness.url, { token })
  try {
    for (let index = 0; index < 50; index += 1) client.socket.emit('project:leave', { projectId: 1 })
    expect(await client.emitWithAck('project:leave', { projectId: 1 })).toEqual({ ok: true })
    expect(client.errors()).toEqual([])
  } finally {
    client.close()
  }
})

it('refuses a 65 KB message by closing the connection, and serves one just under 64 KB', async () => {
  const client = await connectClient(harness.url, { token })
  const nearLimit = await client.emitWithAck('replay', { afterId: 0, padding: 'x'.repeat(60 * 1024) })
  expect(nearLimit).toMatchObject({ ok: false, error: { code: 'invalid_payload' } })
  client.socket.emit('replay', { afterId: 0, padding: 'x'.repeat(65 * 1024) })
  expect(await client.disconnected()).toBe('transport close')
})

it('answers unknown events and invalid payloads with an error event', async () => {
  const client = await connectClient(harness.url, { token })
  try {
    client.socket.emit('hack', { anything: true })
    const unknown = await client.waitFor<{ code: string; message: string }>('realtime:error', (error) => error.code === 'unknown_event')
    expect(unknown.message).toMatch(/Unknown event "hack"/)
    expect(await client.emitWithAck('project:join', { projectId: 'satu' })).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.stringMatching(/projectId/) } })
    expect(await client.emitWithAck('notifications:read', { ids: [1], all: true })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } })
    expect(await client.emitWithAck('replay')).toMatchObject({ ok: false, error: { code: 'invalid_payload' } })
    expect(client.socket.connected).toBe(true)
  } finally {
    client.close()
  }
})

it('closes an idle connection so the client re-handshakes', async () => {
  const idle = await startRealtime(suite.ctx, { limits: { idleTimeoutMs: 400 } })
  try {
    const client = await connectClient(idle.url, { token })
    expect(await client.disconnected()).toBe('transport close')
    expect(client.errors()).toContainEqual(expect.objectContaining({ code: 'idle' }))
  } finally {
    await idle.close()
  }
})

it('drops a peer that stops answering pings (heartbeat)', async () => {
  const fast = await startRealtime(suite.ctx, { limits: { pingIntervalMs: 1000, pingTimeoutMs: 1000 } })
  try {
    const client = await connectClient(fast.url, { token })
    const serverSide = [...fast.realtime.io.of('/').sockets.values()][0]!
    const closed = new Promise<string>((resolve) => serverSide.on('disconnect', resolve))
    // The client's engine stops answering: what a vanished laptop looks like to the server.
    const engine = client.socket.io.engine as unknown as { _sendPacket: () => void }
    engine._sendPacket = () => undefined
    expect(await closed).toBe('ping timeout')
    client.close()
  } finally {
    await fast.close()
  }
}, 20_000)
