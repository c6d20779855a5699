import { createApi, type Api } from '../helpers/api'
import { createProject, createWorld, moveProjectTo, PASSWORD, type World } from '../helpers/fixtures'
import { createTestPayload, type TestContext } from '../helpers/testPayload'
import type { Project } from '../../payload-types'

let ctx: TestContext
let api: Api
let world: World
let tokenA: string
let tokenB: string
let adminToken: string

const SECRET = 'Sup3r-rahasia!'

async function projectWithCredentials(status: Project['status']): Promise<Project> {
  const { project } = await createProject(ctx.payload, world.clientA, world.tier, `Kredensial ${status}`)
  await ctx.payload.update({
    collection: 'projects',
    id: project.id,
    data: { credentials: { adminUrl: 'https://klien.sch.id/admin', username: 'operator', password: SECRET } },
    overrideAccess: true,
  })
  return moveProjectTo(ctx.payload, project, status)
}

async function storedPassword(id: number): Promise<string> {
  const rows = await ctx.sql<{ password: string }>('SELECT credentials_password AS password FROM projects WHERE id = $1', [id])
  return rows[0]!.password
}

beforeAll(async () => {
  ctx = await createTestPayload()
  api = createApi(ctx.config)
  world = await createWorld(ctx.payload)
  tokenA = await api.login(world.clientA.email, PASSWORD)
  tokenB = await api.login(world.clientB.email, PASSWORD)
  adminToken = await api.login(world.admin.email, PASSWORD)
})
afterAll(async () => ctx?.close())

it('stores the password as AES-256-GCM ciphertext, never the plaintext', async () => {
  const project = await projectWithCredentials('in_progress')
  const raw = await storedPassword(project.id)
  expect(raw).not.toContain(SECRET)
  expect(raw).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/)
})

it('keeps the same secret through unrelated updates (no double encryption)', async () => {
  const project = await projectWithCredentials('in_progress')
  await ctx.payload.update({ collection: 'projects', id: project.id, data: { name: 'Nama baru' }, overrideAccess: true })
  await api.rest('PATCH', `/projects/${project.id}`, { token: adminToken, body: { notes: 'catatan' } })
  const read = await ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
  expect(read.credentials?.password).toBe(SECRET)
})

it('encrypts with a fresh IV each time: the same secret never gives the same ciphertext', async () => {
  const first = await projectWithCredentials('in_progress')
  const second = await projectWithCredentials('in_progress')
  expect(await storedPassword(first.id)).not.toBe(await storedPassword(second.id))
})

it('shows the decrypted credentials to the owner once the project is completed', async () => {
  const project = await projectWithCredentials('completed')
  const result = await api.rest('GET', `/projects/${project.id}`, { token: tokenA })
  expect(result.status).toBe(200)
  expect(result.body.credentials).toMatchObject({ username: 'operator', password: SECRET })
})

it.each(['pending_payment', 'in_progress', 'review'] as const)('hides the credentials from the owner while the project is %s', async (status) => {
  const project = await projectWithCredentials(status)
  const result = await api.rest('GET', `/projects/${project.id}`, { token: tokenA })
  expect(result.status).toBe(200)
  expect(result.body.credentials).toBeUndefined()
  expect(JSON.stringify(result.body)).not.toContain(SECRET)
})

it('never shows them to another client, even for a completed project', async () => {
  const project = await projectWithCredentials('completed')
  const single = await api.rest('GET', `/projects/${project.id}`, { token: tokenB })
  expect(single.status).toBe(404)
  const list = await api.rest('GET', `/projects?depth=2&limit=100`, { token: tokenB })
  expect(JSON.stringify(list.body)).not.toContain(SECRET)
})

it('shows them to an admin in any status', async () => {
  const project = await projectWithCredentials('in_progress')
  const result = await api.rest('GET', `/projects/${project.id}`, { token: adminToken })
  expect(result.body.credentials.password).toBe(SECRET)
})

it('hides them in GraphQL too until completed', async () => {
  const open = await projectWithCredentials('review')
  const done = await projectWithCredentials('completed')
  const query = `query ($id: Int!) { Project(id: $id) { id credentials { username password } } }`
  const hidden = await api.graphql(query, { token: tokenA, variables: { id: open.id } })
  expect(JSON.stringify(hidden.body)).not.toContain(SECRET)
  const shown = await api.graphql(query, { token: tokenA, variables: { id: done.id } })
  expect(shown.body.data.Project.credentials.password).toBe(SECRET)
})

it('refuses to let a client query by the credentials to guess them', async () => {
  await projectWithCredentials('in_progress')
  const result = await api.rest('GET', `/projects?where[credentials.password][like]=Sup3r`, { token: tokenA })
  expect(result.body.docs ?? []).toHaveLength(0)
})

it('reads an undecryptable value as empty instead of failing the request', async () => {
  const project = await projectWithCredentials('completed')
  await ctx.sql('UPDATE projects SET credentials_password = $1 WHERE id = $2', ['v1:AAAA:BBBB:CCCC', project.id])
  const result = await api.rest('GET', `/projects/${project.id}`, { token: tokenA })
  expect(result.status).toBe(200)
  expect(result.body.credentials.password).toBeNull()
})
