import { getConfig } from '../../../lib/env'
import { signWebsocketToken, verifyWebsocketToken } from '../../../realtime/websocketToken'
import { createUser, PASSWORD } from '../../helpers/fixtures'
import { connectClient, refusedConnect, startRealtime, websocketToken, type RealtimeHarness } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let harness: RealtimeHarness

beforeAll(async () => {
  harness = await startRealtime(suite.ctx)
})
afterAll(async () => harness?.close())

const origin = () => getConfig().SERVER_URL

async function freshLogin(role: 'client' | 'admin' = 'client') {
  const user = await createUser(suite.ctx.payload, role, 'Sesi Uji')
  const jwt = await suite.api.login(user.email, PASSWORD)
  return { user, jwt, token: await websocketToken(suite.api, jwt) }
}

describe('GET /api/websocket/token', () => {
  it('refuses anonymous callers with 401', async () => {
    const response = await suite.api.rest('GET', '/websocket/token')
    expect(response.status).toBe(401)
    expect(response.body.errors[0].message).toMatch(/log in/i)
  })

  it('gives a logged-in user a token valid for five minutes, never cached', async () => {
    const response = await suite.api.rest('GET', '/websocket/token', { token: suite.tokens.clientA })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const lifetime = new Date(response.body.expiresAt).getTime() - Date.now()
    expect(lifetime).toBeGreaterThan(4.5 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000)
    const verdict = verifyWebsocketToken(getConfig().PAYLOAD_SECRET, response.body.token)
    expect(verdict).toMatchObject({ ok: true, claims: { sub: suite.world.clientA.id } })
  })

  it('is not accepted by Payload as an API token', async () => {
    const token = await websocketToken(suite.api, suite.tokens.clientA)
    const me = await suite.api.rest('GET', '/users/me', { token })
    expect(me.body.user).toBeNull()
  })
})

describe('the handshake refuses', () => {
  it('a connection without any credential', async () => {
    const refusal = await refusedConnect(harness.url)
    expect(refusal.code).toBe('no_token')
    expect(refusal.message).toContain('/api/websocket/token')
  })

  it('a garbage token', async () => {
    const refusal = await refusedConnect(harness.url, { token: 'garbage' })
    expect(refusal.code).toBe('bad_token')
    expect(refusal.message).toMatch(/not valid/)
  })

  it('a token with a forged signature', async () => {
    const [version, body] = (await websocketToken(suite.api, suite.tokens.clientA)).split('.')
    const refusal = await refusedConnect(harness.url, { token: `${version}.${body}.${'A'.repeat(43)}` })
    expect(refusal.code).toBe('bad_token')
  })

  it('an expired token', async () => {
    const secret = getConfig().PAYLOAD_SECRET
    const verdict = verifyWebsocketToken(secret, await websocketToken(suite.api, suite.tokens.clientA))
    if (!verdict.ok) throw new Error('the endpoint gave an invalid token')
    const { token } = signWebsocketToken(secret, { sub: verdict.claims.sub, sid: verdict.claims.sid }, Date.now() - 6 * 60_000)
    const refusal = await refusedConnect(harness.url, { token })
    expect(refusal.code).toBe('expired_token')
    expect(refusal.message).toMatch(/expired/)
  })

  it('a token whose session has logged out', async () => {
    const { jwt, token } = await freshLogin()
    expect((await suite.api.rest('POST', '/users/logout', { token: jwt })).status).toBe(200)
    const refusal = await refusedConnect(harness.url, { token })
    expect(refusal.code).toBe('session_ended')
    expect(refusal.message).toMatch(/logged out or expired/)
  })

  it('a session cookie that has logged out', async () => {
    const { jwt } = await freshLogin()
    const headers = { cookie: `payload-token=${jwt}`, origin: origin() }
    const before = await connectClient(harness.url, { headers })
    before.close()
    await suite.api.rest('POST', '/users/logout', { token: jwt })
    const refusal = await refusedConnect(harness.url, { headers })
    expect(refusal.code).toBe('session_ended')
  })

  it('a session cookie sent from another origin (cross-site WebSocket hijacking)', async () => {
    const refusal = await refusedConnect(harness.url, { headers: { cookie: `payload-token=${suite.tokens.clientA}`, origin: 'https://evil.example' } })
    expect(refusal.code).toBe('session_ended')
  })

  it('a token of a deleted user', async () => {
    const { user, token } = await freshLogin()
    await suite.ctx.payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
    const refusal = await refusedConnect(harness.url, { token })
    expect(refusal.code).toBe('session_ended')
    expect(refusal.message).toMatch(/no longer exists/)
  })

  it('a malformed handshake', async () => {
    const refusal = await refusedConnect(harness.url, { auth: { token: 42, lastEventId: 'abc' } })
    expect(refusal.code).toBe('bad_handshake')
  })
})

describe('an accepted connection', () => {
  it('joins its user, role and session rooms with a token', async () => {
    const client = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
    try {
      expect(client.ready).toMatchObject({ userId: suite.world.clientA.id, role: 'client', replayed: 0 })
      expect(client.ready.rooms).toEqual(expect.arrayContaining([`user:${suite.world.clientA.id}`, 'role:client']))
      expect(client.ready.rooms.filter((room) => room.startsWith('session:'))).toHaveLength(1)
      expect(client.ready.rooms).toHaveLength(3)
    } finally {
      client.close()
    }
  })

  it('joins the admin rooms with the session cookie', async () => {
    const client = await connectClient(harness.url, { headers: { cookie: `payload-token=${suite.tokens.admin}`, origin: origin() } })
    try {
      expect(client.ready.rooms).toEqual(expect.arrayContaining([`user:${suite.world.admin.id}`, 'role:admin']))
      expect(new Date(client.ready.expiresAt).getTime()).toBeGreaterThan(Date.now() + 60 * 60_000)
    } finally {
      client.close()
    }
  })
})

describe('an open connection is closed when its authorisation ends', () => {
  it('on logout of its session', async () => {
    const { jwt, token } = await freshLogin()
    const client = await connectClient(harness.url, { token })
    await suite.api.rest('POST', '/users/logout', { token: jwt })
    expect(await client.disconnected()).toBe('io server disconnect')
    expect(client.errors()).toContainEqual(expect.objectContaining({ code: 'session_ended', message: 'You logged out.' }))
  })

  it('when the user is deleted', async () => {
    const { user, token } = await freshLogin()
    const client = await connectClient(harness.url, { token })
    expect((await suite.api.rest('DELETE', `/users/${user.id}`, { token: suite.tokens.admin })).status).toBe(200)
    expect(await client.disconnected()).toBe('io server disconnect')
    expect(client.errors()[0]).toMatchObject({ code: 'session_ended' })
  })

  it('when the user changes role, and a reconnect gets the new role rooms', async () => {
    const { user, token } = await freshLogin()
    const client = await connectClient(harness.url, { token })
    expect((await suite.api.rest('PATCH', `/users/${user.id}`, { token: suite.tokens.admin, body: { role: 'editor' } })).status).toBe(200)
    expect(await client.disconnected()).toBe('io server disconnect')
    const again = await connectClient(harness.url, { token })
    try {
      expect(again.ready.role).toBe('editor')
      expect(again.ready.rooms).toContain('role:editor')
      expect(again.ready.rooms).not.toContain('role:client')
    } finally {
      again.close()
    }
  })

  it('when its session expires', async () => {
    const { user, token } = await freshLogin()
    // The session ends two seconds from now.
    await suite.ctx.sql(`UPDATE users_sessions SET expires_at = now() + interval '2 seconds' WHERE _parent_id = $1`, [user.id])
    const client = await connectClient(harness.url, { token })
    expect(new Date(client.ready.expiresAt).getTime() - Date.now()).toBeLessThan(2500)
    expect(await client.disconnected()).toBe('transport close')
    expect(client.errors()).toContainEqual(expect.objectContaining({ code: 'session_expired' }))
    const refusal = await refusedConnect(harness.url, { token })
    expect(refusal.code).toBe('session_ended')
  })
})
