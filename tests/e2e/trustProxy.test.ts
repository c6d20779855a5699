/**
 * The client address the real app (`scripts/start.ts`, rate limits on with a small anonymous
 * budget) limits and audits by. Every request here comes from 127.0.0.1: with TRUST_PROXY unset
 * a forged X-Forwarded-For changes neither the budget nor the audited address; with
 * TRUST_PROXY=127.0.0.1 the test plays the proxy, and each forwarded client is its own.
 */
import { startAppServer, type AppServer } from '../helpers/appServer'
import { connectClient, type TestClient } from '../helpers/realtime'

const ANONYMOUS_BUDGET = 8

type Call = { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }

function useApp(env: Record<string, string>) {
  let server: AppServer | undefined
  const sockets: TestClient[] = []
  beforeAll(async () => {
    server = await startAppServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_BUDGET), ...env } })
  }, 600_000)
  afterAll(async () => {
    for (const socket of sockets) socket.close()
    await server?.stop()
  }, 60_000)

  const url = () => {
    if (!server) throw new Error('the app did not start')
    return server.url
  }
  const api = async (path: string, { method = 'GET', token, body, headers }: Call = {}) => {
    const response = await fetch(`${url()}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, remaining: response.headers.get('x-ratelimit-remaining'), body: text ? (JSON.parse(text) as Record<string, any>) : null }
  }
  const login = async () => {
    const result = await api('/users/login', { method: 'POST', body: { email: 'admin@jasaweb.id', password: 'admin12345' } })
    expect(result.status).toBe(200)
    return result.body!.token as string
  }
  /** Changes a project's notes as the admin, through Payload's REST route, and returns the address its audit row names. */
  const auditedProjectChange = async (adminJwt: string, headers: Record<string, string>) => {
    const [project] = (await api('/projects?limit=1&depth=0', { token: adminJwt })).body!.docs as { id: number }[]
    const patched = await api(`/projects/${project!.id}`, { method: 'PATCH', token: adminJwt, body: { notes: `catatan ${Date.now()}` }, headers })
    expect(patched.status).toBe(200)
    const audit = await api(`/audit-log?where[targetCollection][equals]=projects&where[targetId][equals]=${project!.id}&sort=-id&limit=1&depth=0`, { token: adminJwt })
    expect(audit.body!.docs[0].summary).toContain('notes')
    return audit.body!.docs[0].ip as string
  }
  /** Connects a socket as the admin through server.ts's Socket.IO and returns the address its ws_connect row names. */
  const auditedSocket = async (adminJwt: string, headers: Record<string, string>) => {
    const token = (await api('/websocket/token', { token: adminJwt })).body!.token as string
    const socket = await connectClient(url(), { token, headers })
    sockets.push(socket)
    for (let waited = 0; waited < 5_000; waited += 100) {
      const audit = await api(`/audit-log?where[action][equals]=ws_connect&where[targetId][equals]=${socket.socket.id}&depth=0`, { token: adminJwt })
      if (audit.body!.docs.length > 0) return audit.body!.docs[0].ip as string
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no ws_connect audit row for ${socket.socket.id}`)
  }
  return { api, login, auditedProjectChange, auditedSocket }
}

describe('with TRUST_PROXY unset', () => {
  const app = useApp({})
  let adminJwt: string
  // Before the anonymous budget of 127.0.0.1 is spent: a login counts against it too.
  beforeAll(async () => {
    adminJwt = await app.login()
  })

  it('audits the socket address, whatever X-Forwarded-For and x-jasaweb-client-ip say', async () => {
    const forged = { 'x-forwarded-for': '203.0.113.9', 'x-jasaweb-client-ip': '203.0.113.10' }
    expect(await app.auditedProjectChange(adminJwt, forged)).toBe('127.0.0.1')
    expect(await app.auditedSocket(adminJwt, forged)).toBe('127.0.0.1')
  })

  it('spends one budget for every forged X-Forwarded-For: an attacker cannot dodge the limit', async () => {
    const first = await app.api('/pricing?limit=1', { headers: { 'x-forwarded-for': '198.51.100.1' } })
    expect(first.status).toBe(200)
    let remaining = Number(first.remaining)
    for (let index = 2; remaining > 0; index += 1) {
      const next = await app.api('/pricing?limit=1', { headers: { 'x-forwarded-for': `198.51.100.${index}` } })
      expect(next.status).toBe(200)
      expect(Number(next.remaining)).toBe(remaining - 1)
      remaining -= 1
    }
    expect((await app.api('/pricing?limit=1', { headers: { 'x-forwarded-for': '203.0.113.200' } })).status).toBe(429)
  })
})

describe('with TRUST_PROXY=127.0.0.1 (the test is the proxy)', () => {
  const app = useApp({ TRUST_PROXY: '127.0.0.1' })
  let adminJwt: string
  beforeAll(async () => {
    adminJwt = await app.login()
  })

  it('audits the forwarded address of a request and of a socket, over a forged x-jasaweb-client-ip', async () => {
    expect(await app.auditedProjectChange(adminJwt, { 'x-forwarded-for': '203.0.113.9', 'x-jasaweb-client-ip': '203.0.113.10' })).toBe('203.0.113.9')
    expect(await app.auditedSocket(adminJwt, { 'x-forwarded-for': '203.0.113.11' })).toBe('203.0.113.11')
  })

  it('gives two clients behind the proxy separate budgets; a spoofed leftmost entry is not a new client', async () => {
    const asClient = (forwardedFor: string) => app.api('/pricing?limit=1', { headers: { 'x-forwarded-for': forwardedFor } })
    for (let index = 0; index < ANONYMOUS_BUDGET; index += 1) expect((await asClient('198.51.100.1')).status).toBe(200)
    expect((await asClient('198.51.100.1')).status).toBe(429)
    expect((await asClient('203.0.113.77, 198.51.100.1')).status).toBe(429)
    const other = await asClient('198.51.100.2')
    expect(other.status).toBe(200)
    expect(other.remaining).toBe(String(ANONYMOUS_BUDGET - 1))
  })
})
