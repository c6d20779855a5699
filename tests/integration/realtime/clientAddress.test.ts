/**
 * Which address a socket counts against and is audited by: the socket's own unless TRUST_PROXY
 * trusts the peer (here 127.0.0.1, where the tests connect from) to name the client in
 * X-Forwarded-For. Two connections per address keep the tests short.
 */
import { parseTrustProxy } from '../../../security/trustProxy'
import { connectClient, refusedConnect, sleep, startRealtime, websocketToken, type RealtimeHarness, type TestClient } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
const MAX_PER_IP = 2
const open: TestClient[] = []
let harness: RealtimeHarness | undefined
let token: string

beforeAll(async () => {
  token = await websocketToken(suite.api, suite.tokens.clientA)
})
afterEach(async () => {
  for (const client of open.splice(0)) client.close()
  await harness?.close()
  harness = undefined
})

const forwardedFor = (address: string) => ({ headers: { 'x-forwarded-for': address } })

async function connectAs(address: string): Promise<TestClient> {
  const client = await connectClient(harness!.url, { token, ...forwardedFor(address) })
  open.push(client)
  return client
}

async function auditedAddresses(socketId: string): Promise<string[]> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    const { docs } = await suite.ctx.payload.find({ collection: 'audit-log', where: { and: [{ targetId: { equals: socketId } }, { action: { equals: 'ws_connect' } }] }, depth: 0, overrideAccess: true })
    if (docs.length > 0) return docs.map((entry) => entry.ip ?? '')
    await sleep(100)
  }
  throw new Error(`no ws_connect audit entry for ${socketId}`)
}

describe('with TRUST_PROXY unset', () => {
  beforeEach(async () => {
    harness = await startRealtime(suite.ctx, { limits: { maxConnectionsPerIp: MAX_PER_IP } })
  })

  it('counts connections by the socket address: a forged X-Forwarded-For gets no extra connection', async () => {
    await connectAs('198.51.100.1')
    await connectAs('198.51.100.2')
    const refusal = await refusedConnect(harness!.url, { token, ...forwardedFor('198.51.100.3') })
    expect(refusal.code).toBe('too_many_connections')
  })

  it('audits the socket address, not the forged one', async () => {
    const client = await connectAs('198.51.100.1')
    expect(await auditedAddresses(client.socket.id!)).toEqual(['127.0.0.1'])
  })
})

describe('with TRUST_PROXY=127.0.0.1 (a proxy on this machine)', () => {
  beforeEach(async () => {
    harness = await startRealtime(suite.ctx, { limits: { maxConnectionsPerIp: MAX_PER_IP }, trustProxy: parseTrustProxy('127.0.0.1') })
  })

  it('counts connections per forwarded client, so clients behind the proxy do not share one limit', async () => {
    const first = await connectAs('198.51.100.1')
    await connectAs('198.51.100.1')
    expect((await refusedConnect(harness!.url, { token, ...forwardedFor('198.51.100.1') })).code).toBe('too_many_connections')
    // A spoofed entry left of the one the proxy appended changes nothing.
    expect((await refusedConnect(harness!.url, { token, ...forwardedFor('203.0.113.66, 198.51.100.1') })).code).toBe('too_many_connections')
    await connectAs('198.51.100.2')
    await connectAs('198.51.100.2')
    // A closed connection gives its slot back to the client it was counted for.
    first.close()
    await sleep(200)
    await connectAs('198.51.100.1')
  })

  it('audits the forwarded address, and the admin status shows it', async () => {
    const client = await connectAs('198.51.100.9')
    expect(await auditedAddresses(client.socket.id!)).toEqual(['198.51.100.9'])
    const status = await suite.api.rest('GET', '/admin/websocket/status', { token: suite.tokens.admin })
    expect(status.body.connections.find((connection: { id: string }) => connection.id === client.socket.id)).toMatchObject({ ip: '198.51.100.9' })
  })

  it('falls back to the socket address when the forwarded entry is not an address', async () => {
    const client = await connectAs('not-an-address')
    expect(await auditedAddresses(client.socket.id!)).toEqual(['127.0.0.1'])
  })
})
