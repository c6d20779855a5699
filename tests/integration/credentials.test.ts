import { createProject, moveProjectTo } from '../helpers/fixtures'
import { useWorldSuite } from '../helpers/worldSuite'
import type { Project } from '../../payload-types'

const suite = useWorldSuite()

const SECRET = 'Sup3r-rahasia!'

async function projectWithCredentials(status: Project['status']): Promise<Project> {
  const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, `Kredensial ${status}`)
  await suite.ctx.payload.update({
    collection: 'projects',
    id: project.id,
    data: { credentials: { adminUrl: 'https://klien.sch.id/admin', username: 'operator', password: SECRET } },
    overrideAccess: true,
  })
  return moveProjectTo(suite.ctx.payload, project, status)
}

async function storedPassword(id: number): Promise<string> {
  const rows = await suite.ctx.sql<{ password: string }>('SELECT credentials_password AS password FROM projects WHERE id = $1', [id])
  return rows[0]!.password
}

it('stores the password as AES-256-GCM ciphertext, never the plaintext', async () => {
  const project = await projectWithCredentials('in_progress')
  const raw = await storedPassword(project.id)
  expect(raw).not.toContain(SECRET)
  expect(raw).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/)
})

it('keeps the same secret through unrelated updates (no double encryption)', async () => {
  const project = await projectWithCredentials('in_progress')
  await suite.ctx.payload.update({ collection: 'projects', id: project.id, data: { name: 'Nama baru' }, overrideAccess: true })
  await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { notes: 'catatan' } })
  const read = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
  expect(read.credentials?.password).toBe(SECRET)
})

it('encrypts with a fresh IV each time: the same secret never gives the same ciphertext', async () => {
  const first = await projectWithCredentials('in_progress')
  const second = await projectWithCredentials('in_progress')
  expect(await storedPassword(first.id)).not.toBe(await storedPassword(second.id))
})

it('shows the decrypted credentials to the owner once the project is completed', async () => {
  const project = await projectWithCredentials('completed')
  const result = await suite.api.rest('GET', `/projects/${project.id}`, { token: suite.tokens.clientA })
  expect(result.status).toBe(200)
  expect(result.body.credentials).toMatchObject({ username: 'operator', password: SECRET })
})

it.each(['pending_payment', 'in_progress', 'review'] as const)('hides the credentials from the owner while the project is %s', async (status) => {
  const project = await projectWithCredentials(status)
  const result = await suite.api.rest('GET', `/projects/${project.id}`, { token: suite.tokens.clientA })
  expect(result.status).toBe(200)
  expect(result.body.credentials).toBeUndefined()
  expect(JSON.stringify(result.body)).not.toContain(SECRET)
})

it('never shows them to another client, even for a completed project', async () => {
  const project = await projectWithCredentials('completed')
  const single = await suite.api.rest('GET', `/projects/${project.id}`, { token: suite.tokens.clientB })
  expect(single.status).toBe(404)
  const list = await suite.api.rest('GET', `/projects?depth=2&limit=100`, { token: suite.tokens.clientB })
  expect(JSON.stringify(list.body)).not.toContain(SECRET)
})

it('shows them to an admin in any status', async () => {
  const project = await projectWithCredentials('in_progress')
  const result = await suite.api.rest('GET', `/projects/${project.id}`, { token: suite.tokens.admin })
  expect(result.body.credentials.password).toBe(SECRET)
})

it('hides them in GraphQL too until completed', async () => {
  const open = await projectWithCredentials('review')
  const done = await projectWithCredentials('completed')
  const query = `query ($id: Int!) { Project(id: $id) { id credentials { username password } } }`
  const hidden = await suite.api.graphql(query, { token: suite.tokens.clientA, variables: { id: open.id } })
  expect(JSON.stringify(hidden.body)).not.toContain(SECRET)
  const shown = await suite.api.graphql(query, { token: suite.tokens.clientA, variables: { id: done.id } })
  expect(shown.body.data.Project.credentials.password).toBe(SECRET)
})

it('refuses to let a client query by the credentials to guess them', async () => {
  await projectWithCredentials('in_progress')
  const result = await suite.api.rest('GET', `/projects?where[credentials.password][like]=Sup3r`, { token: suite.tokens.clientA })
  expect(result.body.docs ?? []).toHaveLength(0)
})

it('reads an undecryptable value as empty instead of failing the request', async () => {
  const project = await projectWithCredentials('completed')
  await suite.ctx.sql('UPDATE projects SET credentials_password = $1 WHERE id = $2', ['v1:AAAA:BBBB:CCCC', project.id])
  const result = await suite.api.rest('GET', `/projects/${project.id}`, { token: suite.tokens.clientA })
  expect(result.status).toBe(200)
  expect(result.body.credentials.password).toBeNull()
})
