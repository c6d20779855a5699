/**
 * The real app (`tsx scripts/start.ts`: Next, Payload and Socket.IO on one port). A change
 * made through either module copy reaches a socket connected to server.ts's Socket.IO server:
 * a REST PATCH (answered by server.ts with its own Payload, endpoints/servePayloadRest.ts)
 * and a GraphQL mutation (answered by Next's route handler, so the projects hook runs in
 * Next's bundle, whose module singletons differ from server.ts's).
 */
import type { RealtimeEvent } from '../../realtime/protocol'
import { startAppServer, type AppServer } from '../helpers/appServer'
import { connectClient, type TestClient } from '../helpers/realtime'

let server: AppServer | undefined
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startAppServer()
  console.log(`[e2e] realtime: app ready in ${server.readyMs} ms${server.built ? ' (including next build)' : ''}`)
}, 600_000)

afterAll(async () => {
  for (const client of clients) client.close()
  await server?.stop()
}, 60_000)

function app(): AppServer {
  if (!server) throw new Error('the app did not start')
  return server
}

async function json(pathname: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${app().url}/api${pathname}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
  })
  return { status: response.status, body: (await response.json()) as Record<string, any>, headers: response.headers }
}

async function login(email: string, password: string): Promise<string> {
  const result = await json('/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
  expect(result.status).toBe(200)
  return result.body.token as string
}

test('a project change by REST (server.ts) and by GraphQL (Next) reaches the owner socket and an admin socket (cookie) on the same port', async () => {
  const adminJwt = await login('admin@jasaweb.id', 'admin12345')
  const clientJwt = await login('budi@sdharapan.sch.id', 'klien12345')

  const token = await json('/websocket/token', { token: clientJwt })
  expect(token.status).toBe(200)
  const owner = await connectClient(app().url, { token: token.body.token })
  clients.push(owner)
  // The browser way: the session cookie and the page's origin.
  const admin = await connectClient(app().url, { headers: { cookie: `payload-token=${adminJwt}`, origin: app().url } })
  clients.push(admin)
  expect(owner.ready.rooms).toContain(`user:${owner.ready.userId}`)
  expect(admin.ready.rooms).toContain('role:admin')

  const projects = await json(`/projects?where[status][equals]=in_progress&where[owner][equals]=${owner.ready.userId}&depth=0`, { token: adminJwt })
  const project = projects.body.docs[0] as { id: number }
  expect(project).toBeDefined()

  const sentAt = Date.now()
  const patched = await json(`/projects/${project.id}`, { method: 'PATCH', token: adminJwt, body: JSON.stringify({ status: 'review' }) })
  expect(patched.status).toBe(200)
  const forProject = (event: RealtimeEvent) => event.payload.data.projectId === project.id && event.payload.data.to === 'review'
  const [toOwner, toAdmin] = await Promise.all([owner.waitFor<RealtimeEvent>('project_update', forProject, 2000), admin.waitFor<RealtimeEvent>('project_update', forProject, 2000)])
  expect(Date.now() - sentAt).toBeLessThan(1000)
  expect(toOwner.id).toBe(toAdmin.id)

  const status = await json('/admin/websocket/status', { token: adminJwt })
  expect(status.status).toBe(200)
  expect(status.body.totals.connections).toBeGreaterThanOrEqual(2)

  // Next still serves pages on the same server.
  expect((await fetch(`${app().url}/`)).status).toBe(200)

  // The other way back (a revision), through Next's GraphQL route: the hook runs in Next's bundle.
  const revisedAt = Date.now()
  const mutation = await json('/graphql', {
    method: 'POST',
    token: adminJwt,
    body: JSON.stringify({ query: `mutation ($id: Int!) { updateProject(id: $id, data: { status: in_progress }) { id status } }`, variables: { id: project.id } }),
  })
  expect(mutation.status).toBe(200)
  expect(mutation.body).toEqual({ data: { updateProject: { id: project.id, status: 'in_progress' } } })
  const revised = (event: RealtimeEvent) => event.payload.data.projectId === project.id && event.payload.data.to === 'in_progress'
  const [revisedOwner, revisedAdmin] = await Promise.all([owner.waitFor<RealtimeEvent>('project_update', revised, 2000), admin.waitFor<RealtimeEvent>('project_update', revised, 2000)])
  expect(Date.now() - revisedAt).toBeLessThan(1000)
  expect(revisedOwner.id).toBe(revisedAdmin.id)
  expect(revisedOwner.id).not.toBe(toOwner.id)
}, 120_000)
