import type { Where } from 'payload'

import { createApi, type Api, type ApiResponse } from '../helpers/api'
import {
  actingAs,
  createPost,
  createProject,
  createUser,
  createWorld,
  moveProjectTo,
  PASSWORD,
  uniqueEmail,
  type World,
} from '../helpers/fixtures'
import { createTestPayload, type TestContext } from '../helpers/testPayload'
import type { Project, User } from '../../payload-types'

/**
 * Client A attacking client B: every route (REST, GraphQL, Local API), every trick (`where`,
 * `depth`, nested GraphQL fields, bulk writes, self-promotion, secret oracles). A refusal is
 * a 4xx or an empty answer; whatever the route, nothing of B's comes back and nothing changes.
 */

let ctx: TestContext
let api: Api
let world: World
let tokenA: string
let tokenB: string
let adminToken: string
let editorToken: string

/** Projects with credentials: A's finished and unfinished sites, and B's finished one. */
type SecretProject = { project: Project; username: string; password: string }
let completedA: SecretProject
let pendingA: SecretProject
let completedB: SecretProject

async function projectWithCredentials(owner: User, status: Project['status'], label: string): Promise<SecretProject> {
  const username = `admin-${label}`
  const password = `sandi-${label}-${Math.random().toString(36).slice(2)}`
  const { project } = await createProject(ctx.payload, owner, world.tier, `Situs ${label}`)
  const withCredentials = await ctx.payload.update({
    collection: 'projects',
    id: project.id,
    data: { credentials: { adminUrl: `https://${label}.sch.id/admin`, username, password } },
    overrideAccess: true,
  })
  return { project: await moveProjectTo(ctx.payload, withCredentials, status), username, password }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  api = createApi(ctx.config)
  world = await createWorld(ctx.payload)
  completedA = await projectWithCredentials(world.clientA, 'completed', 'a-selesai')
  pendingA = await projectWithCredentials(world.clientA, 'in_progress', 'a-dikerjakan')
  completedB = await projectWithCredentials(world.clientB, 'completed', 'b-selesai')
  tokenA = await api.login(world.clientA.email, PASSWORD)
  tokenB = await api.login(world.clientB.email, PASSWORD)
  adminToken = await api.login(world.admin.email, PASSWORD)
  editorToken = await api.login(world.editor.email, PASSWORD)
})
afterAll(async () => ctx?.close())

// ---------------------------------------------------------------------------------------
// Reading answers without trusting their shape

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function docsOf(value: unknown): Json[] {
  if (!isObject(value) || !Array.isArray(value.docs)) throw new Error(`not a list: ${JSON.stringify(value)}`)
  return value.docs.filter(isObject)
}

const ids = (docs: Json[]): number[] => docs.map((doc) => Number(doc.id)).sort((a, b) => a - b)
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b)

/** Every `email` anywhere in a response: a populated user shows up as one. */
function emailsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(emailsIn)
  if (!isObject(value)) return []
  return Object.entries(value).flatMap(([key, inner]) => (key === 'email' && typeof inner === 'string' ? [inner] : emailsIn(inner)))
}

/** Nothing that identifies client B or its data appears anywhere in the text. */
function expectNothingOfB(value: unknown): void {
  const text = JSON.stringify(value)
  expect(text).not.toContain(world.clientB.email)
  expect(text).not.toContain(world.projectB.name)
  expect(text).not.toContain(world.invoiceB.number!)
  expect(text).not.toContain(world.notificationB.title)
  expect(text).not.toContain(completedB.password)
  expect(text).not.toContain(completedB.username)
}

type GraphqlResult = { data: Json | null; errors: unknown[] }

async function graphql(query: string, token?: string, variables?: Record<string, unknown>): Promise<GraphqlResult> {
  const response = await api.graphql(query, { token, variables })
  expect(response.status).toBe(200)
  const body: unknown = response.body
  if (!isObject(body)) throw new Error(`not a GraphQL answer: ${String(body)}`)
  return { data: isObject(body.data) ? body.data : null, errors: Array.isArray(body.errors) ? body.errors : [] }
}

function statusOfGraphqlError(error: unknown): unknown {
  return isObject(error) && isObject(error.extensions) ? error.extensions.statusCode : undefined
}

/** Refused by access control (not by schema validation), and no document in the answer. */
function expectGraphqlRefused(result: GraphqlResult, field: string): void {
  expect(result.errors.length).toBeGreaterThan(0)
  expect([400, 401, 403, 404]).toContain(statusOfGraphqlError(result.errors[0]))
  expect(result.data?.[field] ?? null).toBeNull()
}

/** A refused REST call answers with one of the given 4xx statuses (never a 500). */
function expectRefused(response: ApiResponse, statuses = [401, 403, 404]): void {
  expect(statuses).toContain(response.status)
}

async function invoiceIdsOf(owner: User): Promise<number[]> {
  const projects = await ctx.payload.find({ collection: 'projects', where: { owner: { equals: owner.id } }, overrideAccess: true, pagination: false })
  const invoices = await ctx.payload.find({
    collection: 'invoices',
    where: { project: { in: projects.docs.map((project) => project.id) } },
    overrideAccess: true,
    pagination: false,
  })
  return ids(invoices.docs as unknown as Json[])
}

async function projectIdsOf(owner: User): Promise<number[]> {
  const projects = await ctx.payload.find({ collection: 'projects', where: { owner: { equals: owner.id } }, overrideAccess: true, pagination: false })
  return ids(projects.docs as unknown as Json[])
}

/** Notifications addressed to the user or its role: the fixtures' and the real-time events of its projects. */
async function notificationIdsOf(user: User): Promise<number[]> {
  const where: Where = { or: [{ recipient: { equals: user.id } }, { recipientRole: { equals: user.role } }] }
  const notifications = await ctx.payload.find({ collection: 'notifications', where, overrideAccess: true, pagination: false })
  return ids(notifications.docs as unknown as Json[])
}

async function storedUser(id: number): Promise<User | undefined> {
  return (await ctx.payload.find({ collection: 'users', where: { id: { equals: id } }, overrideAccess: true })).docs[0]
}

// ---------------------------------------------------------------------------------------

describe("REST where queries never reach client B's rows", () => {
  const attacks: { name: string; path: () => string; expected: () => Promise<number[]> }[] = [
    { name: 'invoices by B as project owner', path: () => `/invoices?where[project.owner][equals]=${world.clientB.id}`, expected: async () => [] },
    { name: "invoices by B's invoice id", path: () => `/invoices?where[id][equals]=${world.invoiceB.id}`, expected: async () => [] },
    {
      name: "invoices of B's or A's project (or)",
      path: () => `/invoices?where[or][0][project][equals]=${world.projectB.id}&where[or][1][project][equals]=${world.projectA.id}`,
      expected: async () => [world.invoiceA.id],
    },
    {
      name: 'invoices by the email of the project owner',
      path: () => `/invoices?where[project.owner.email][equals]=${encodeURIComponent(world.clientB.email)}`,
      expected: async () => [],
    },
    { name: 'invoices whose id is not A’s', path: () => `/invoices?where[id][not_equals]=${world.invoiceA.id}`, expected: async () => (await invoiceIdsOf(world.clientA)).filter((id) => id !== world.invoiceA.id) },
    { name: 'projects owned by B', path: () => `/projects?where[owner][equals]=${world.clientB.id}`, expected: async () => [] },
    { name: 'projects not owned by A', path: () => `/projects?where[owner][not_equals]=${world.clientA.id}`, expected: async () => [] },
    { name: 'projects by id list including B’s', path: () => `/projects?where[id][in]=${world.projectA.id},${world.projectB.id}`, expected: async () => [world.projectA.id] },
    { name: 'projects by owner email', path: () => `/projects?where[owner.email][like]=${encodeURIComponent(world.clientB.email)}`, expected: async () => [] },
    { name: 'users by B’s email', path: () => `/users?where[email][equals]=${encodeURIComponent(world.clientB.email)}`, expected: async () => [] },
    { name: 'users with the role client', path: () => '/users?where[role][equals]=client', expected: async () => [world.clientA.id] },
    { name: 'users that are not A', path: () => `/users?where[id][not_equals]=${world.clientA.id}`, expected: async () => [] },
    { name: 'notifications addressed to B', path: () => `/notifications?where[recipient][equals]=${world.clientB.id}`, expected: async () => [] },
    { name: 'notifications addressed to admins', path: () => '/notifications?where[recipientRole][equals]=admin', expected: async () => [] },
  ]

  it.each(attacks)('client A querying $name gets nothing of B', async ({ path, expected }) => {
    const response = await api.rest('GET', `${path()}&depth=2&pagination=false`, { token: tokenA })
    // Payload may refuse a path outright; if it answers, only A's rows come back.
    if (response.status === 200) expect(ids(docsOf(response.body))).toEqual(sorted(await expected()))
    else expectRefused(response, [400, 403])
    expectNothingOfB(response.body)
  })

  it("counts only A's invoices and A's account", async () => {
    const invoices = await api.rest('GET', `/invoices/count?where[project.owner][equals]=${world.clientB.id}`, { token: tokenA })
    expect(invoices.status).toBe(200)
    expect(invoices.body).toMatchObject({ totalDocs: 0 })
    const allInvoices = await api.rest('GET', '/invoices/count', { token: tokenA })
    expect(allInvoices.body).toMatchObject({ totalDocs: (await invoiceIdsOf(world.clientA)).length })
    const users = await api.rest('GET', '/users/count', { token: tokenA })
    expect(users.body).toMatchObject({ totalDocs: 1 })
  })

  it("refuses B's invoice, project, notification and account by id", async () => {
    for (const path of [
      `/invoices/${world.invoiceB.id}?depth=2`,
      `/projects/${world.projectB.id}?depth=2`,
      `/notifications/${world.notificationB.id}?depth=2`,
      `/users/${world.clientB.id}`,
    ]) {
      const response = await api.rest('GET', path, { token: tokenA })
      expectRefused(response)
      expectNothingOfB(response.body)
    }
  })

  it("gives the Local API the same answer: A's where on B's project finds nothing", async () => {
    const user = actingAs(world.clientA)
    const byProject = await ctx.payload.find({ collection: 'invoices', where: { project: { equals: world.projectB.id } }, user, overrideAccess: false, depth: 2 })
    expect(byProject.docs).toEqual([])
    const byOwner = await ctx.payload.find({ collection: 'projects', where: { owner: { equals: world.clientB.id } }, user, overrideAccess: false })
    expect(byOwner.docs).toEqual([])
    await expect(ctx.payload.findByID({ collection: 'invoices', id: world.invoiceB.id, user, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
  })
})

describe('depth population shows nobody else', () => {
  it("populates A's invoice → project → owner as A only", async () => {
    const response = await api.rest('GET', `/invoices/${world.invoiceA.id}?depth=2`, { token: tokenA })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ project: { id: world.projectA.id, owner: { email: world.clientA.email } } })
    expect(emailsIn(response.body)).toEqual([world.clientA.email])
  })

  it("lists A's invoices at depth 2 without a trace of B", async () => {
    const response = await api.rest('GET', '/invoices?depth=2&pagination=false', { token: tokenA })
    expect(response.status).toBe(200)
    expect(ids(docsOf(response.body))).toEqual(await invoiceIdsOf(world.clientA))
    expect(new Set(emailsIn(response.body))).toEqual(new Set([world.clientA.email]))
    expectNothingOfB(response.body)
  })

  it("does not populate the admin who moved A's project in its status history", async () => {
    const { project } = await createProject(ctx.payload, world.clientA, world.tier, 'Riwayat oleh admin')
    await ctx.payload.update({
      collection: 'projects',
      id: project.id,
      data: { status: 'in_progress' },
      user: actingAs(world.admin),
      overrideAccess: true,
    })
    const stored = await ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true, depth: 0 })
    expect(stored.statusHistory!.at(-1)!.by).toBe(world.admin.id)

    const response = await api.rest('GET', `/projects/${project.id}?depth=2`, { token: tokenA })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ owner: { email: world.clientA.email } })
    expect(emailsIn(response.body)).toEqual([world.clientA.email])
    expect(JSON.stringify(response.body)).not.toContain(world.admin.email)
  })

  it("lists A's notifications at depth 2 without other users", async () => {
    const response = await api.rest('GET', '/notifications?depth=2&pagination=false', { token: tokenA })
    expect(response.status).toBe(200)
    expect(ids(docsOf(response.body))).toEqual(await notificationIdsOf(world.clientA))
    expect(ids(docsOf(response.body))).toEqual(expect.arrayContaining([world.notificationA.id, world.notificationClients.id]))
    for (const email of emailsIn(response.body)) expect(email).toBe(world.clientA.email)
    expectNothingOfB(response.body)
  })

  it("does not reveal a post author's account to the public", async () => {
    const post = await ctx.payload.update({
      collection: 'posts',
      id: (await createPost(ctx.payload, 'Tulisan editor', 'published')).id,
      data: { author: world.editor.id },
      overrideAccess: true,
    })
    for (const token of [undefined, tokenA]) {
      const one = await api.rest('GET', `/posts/${post.id}?depth=2`, { token })
      expect(one.status).toBe(200)
      expect(emailsIn(one.body)).toEqual([])
      const list = await api.rest('GET', '/posts?depth=2', { token })
      expect(emailsIn(list.body)).toEqual([])
    }
  })

  it('gives the Local API the same answer at depth 2', async () => {
    const result = await ctx.payload.find({ collection: 'invoices', depth: 2, user: actingAs(world.clientA), overrideAccess: false, pagination: false })
    expect(ids(result.docs as unknown as Json[])).toEqual(await invoiceIdsOf(world.clientA))
    expect(new Set(emailsIn(result.docs))).toEqual(new Set([world.clientA.email]))
    expectNothingOfB(result.docs)
  })
})

describe('GraphQL reads stay inside A’s data', () => {
  it('lists invoices with nested project and owner: A’s only', async () => {
    const result = await graphql('{ Invoices(pagination: false) { docs { id number project { id name owner { id email } } } } }', tokenA)
    expect(result.errors).toEqual([])
    expect(ids(docsOf(result.data?.Invoices))).toEqual(await invoiceIdsOf(world.clientA))
    expect(new Set(emailsIn(result.data))).toEqual(new Set([world.clientA.email]))
    expectNothingOfB(result.data)
  })

  it.each([
    ['Invoices', 'project: { equals: $id }', () => world.projectB.id],
    ['Invoices', 'id: { equals: $id }', () => world.invoiceB.id],
    ['Projects', 'owner: { equals: $id }', () => world.clientB.id],
    ['Projects', 'id: { equals: $id }', () => world.projectB.id],
    ['Users', 'id: { equals: $id }', () => world.clientB.id],
    ['Notifications', 'recipient: { equals: $id }', () => world.clientB.id],
  ] as const)('%s(where: { %s }) aimed at B finds nothing', async (field, where, target) => {
    const result = await graphql(`{ ${field}(where: { ${where.replace('$id', String(target()))} }) { docs { id } } }`, tokenA)
    if (result.errors.length === 0) expect(docsOf(result.data?.[field])).toEqual([])
    else expect(result.data?.[field] ?? null).toBeNull()
    expectNothingOfB(result)
  })

  it.each([
    ['User', () => world.clientB.id, '{ id email name }'],
    ['Project', () => world.projectB.id, '{ id name credentials { password } }'],
    ['Invoice', () => world.invoiceB.id, '{ id number amount }'],
    ['Notification', () => world.notificationB.id, '{ id title }'],
  ] as const)('%s(id: B’s) is refused', async (field, id, selection) => {
    const result = await graphql(`query ($id: Int!) { ${field}(id: $id) ${selection} }`, tokenA, { id: id() })
    expectGraphqlRefused(result, field)
    expectNothingOfB(result)
  })

  it('lists users, projects and notifications with nested relations: A’s only', async () => {
    const users = await graphql('{ Users { docs { id email } } }', tokenA)
    expect(ids(docsOf(users.data?.Users))).toEqual([world.clientA.id])
    const projects = await graphql('{ Projects(pagination: false) { docs { id owner { email } statusHistory { by { email } } } } }', tokenA)
    expect(projects.errors).toEqual([])
    expect(ids(docsOf(projects.data?.Projects))).toEqual(await projectIdsOf(world.clientA))
    expect(new Set(emailsIn(projects.data))).toEqual(new Set([world.clientA.email]))
    const notifications = await graphql('{ Notifications(pagination: false) { docs { id title recipient { email } } } }', tokenA)
    expect(ids(docsOf(notifications.data?.Notifications))).toEqual(await notificationIdsOf(world.clientA))
    for (const result of [users, projects, notifications]) expectNothingOfB(result)
  })

  it('counts only A’s invoices', async () => {
    const result = await graphql('{ countInvoices { totalDocs } }', tokenA)
    expect(result.data?.countInvoices).toEqual({ totalDocs: (await invoiceIdsOf(world.clientA)).length })
  })
})

describe('GraphQL writes cannot escalate or reach B', () => {
  it('does not let a client promote itself with updateUser', async () => {
    for (const role of ['admin', 'editor'] as const) {
      const result = await graphql(`mutation ($id: Int!) { updateUser(id: $id, data: { role: ${role} }) { id role } }`, tokenA, { id: world.clientA.id })
      if (result.errors.length === 0) expect(result.data?.updateUser).toMatchObject({ role: 'client' })
      expect((await storedUser(world.clientA.id))?.role).toBe('client')
    }
  })

  it('refuses updateUser on B', async () => {
    const result = await graphql('mutation ($id: Int!) { updateUser(id: $id, data: { name: "Dibajak" }) { id } }', tokenA, { id: world.clientB.id })
    expectGraphqlRefused(result, 'updateUser')
    expect((await storedUser(world.clientB.id))?.name).toBe(world.clientB.name)
  })

  it.each(['status: completed', 'notes: "diubah klien"', 'owner: OTHER'])('refuses updateProject(%s) by the owner', async (data) => {
    const before = await ctx.payload.findByID({ collection: 'projects', id: world.projectA.id, overrideAccess: true, depth: 0 })
    const result = await graphql(`mutation ($id: Int!) { updateProject(id: $id, data: { ${data.replace('OTHER', String(world.clientB.id))} }) { id } }`, tokenA, {
      id: world.projectA.id,
    })
    expectGraphqlRefused(result, 'updateProject')
    expect(await ctx.payload.findByID({ collection: 'projects', id: world.projectA.id, overrideAccess: true, depth: 0 })).toEqual(before)
  })

  it('refuses createInvoice, updateInvoice (paying itself) and deleteInvoice', async () => {
    const created = await graphql(
      'mutation ($project: Int!) { createInvoice(data: { project: $project, amount: 1, status: paid, dueDate: "2030-01-01" }) { id } }',
      tokenA,
      { project: world.projectA.id },
    )
    expectGraphqlRefused(created, 'createInvoice')
    expect((await ctx.payload.find({ collection: 'invoices', where: { amount: { equals: 1 } }, overrideAccess: true })).totalDocs).toBe(0)

    const paid = await graphql('mutation ($id: Int!) { updateInvoice(id: $id, data: { status: paid }) { id } }', tokenA, { id: world.invoiceA.id })
    expectGraphqlRefused(paid, 'updateInvoice')
    const deleted = await graphql('mutation ($id: Int!) { deleteInvoice(id: $id) { id } }', tokenA, { id: world.invoiceA.id })
    expectGraphqlRefused(deleted, 'deleteInvoice')
    const stored = await ctx.payload.findByID({ collection: 'invoices', id: world.invoiceA.id, overrideAccess: true })
    expect(stored.status).toBe('unpaid')
  })

  it("refuses updateNotification on B's notification", async () => {
    const result = await graphql('mutation ($id: Int!) { updateNotification(id: $id, data: { readAt: "2030-01-01T00:00:00.000Z" }) { id } }', tokenA, {
      id: world.notificationB.id,
    })
    expectGraphqlRefused(result, 'updateNotification')
    expect((await ctx.payload.findByID({ collection: 'notifications', id: world.notificationB.id, overrideAccess: true })).readAt ?? null).toBeNull()
  })

  it.each([
    ['anonymous', 'admin'],
    ['anonymous', 'editor'],
    ['clientA', 'admin'],
    ['editor', 'admin'],
  ] as const)('refuses createUser with role %s → %s', async (actor, role) => {
    const email = uniqueEmail(`gql-${role}`)
    const token = { anonymous: undefined, clientA: tokenA, editor: editorToken }[actor]
    const result = await graphql(
      `mutation ($email: String!, $password: String!) { createUser(data: { email: $email, password: $password, name: "Penyusup", role: ${role} }) { id role } }`,
      token,
      { email, password: PASSWORD },
    )
    expectGraphqlRefused(result, 'createUser')
    expect((await ctx.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})

describe('REST: no self-promotion, registration makes clients only', () => {
  it.each(['admin', 'editor'] as const)('PATCH /users/<own id> with role %s leaves the client a client', async (role) => {
    const response = await api.rest('PATCH', `/users/${world.clientA.id}`, { token: tokenA, body: { role } })
    if (response.status === 200) expect(response.body).toMatchObject({ doc: { role: 'client' } })
    else expectRefused(response, [400, 403])
    expect((await storedUser(world.clientA.id))?.role).toBe('client')
    const me = await api.rest('GET', '/users/me', { token: tokenA })
    expect(me.body).toMatchObject({ user: { role: 'client' } })
  })

  it('a bulk PATCH /users?where=<own id> cannot set the role either', async () => {
    const response = await api.rest('PATCH', `/users?where[id][equals]=${world.clientA.id}`, { token: tokenA, body: { role: 'admin' } })
    expect(response.status).not.toBe(500)
    expect((await storedUser(world.clientA.id))?.role).toBe('client')
  })

  it('a bulk PATCH or DELETE aimed at B changes nothing', async () => {
    const patched = await api.rest('PATCH', `/users?where[id][equals]=${world.clientB.id}`, { token: tokenA, body: { name: 'Dibajak' } })
    expect(patched.status).not.toBe(500)
    expect((await storedUser(world.clientB.id))?.name).toBe(world.clientB.name)
    const deletedUser = await api.rest('DELETE', `/users?where[id][equals]=${world.clientB.id}`, { token: tokenA })
    expect(deletedUser.status).not.toBe(500)
    expect(await storedUser(world.clientB.id)).toBeDefined()
    const deletedInvoice = await api.rest('DELETE', `/invoices?where[id][equals]=${world.invoiceB.id}`, { token: tokenA })
    expectRefused(deletedInvoice, [403])
    expect((await ctx.payload.find({ collection: 'invoices', where: { id: { equals: world.invoiceB.id } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('a client cannot delete its own account', async () => {
    const client = await createUser(ctx.payload, 'client', 'Klien Sementara')
    const token = await api.login(client.email, PASSWORD)
    const response = await api.rest('DELETE', `/users/${client.id}`, { token })
    expectRefused(response, [403])
    expect(await storedUser(client.id)).toBeDefined()
  })

  it('an editor may edit its own name but not its role', async () => {
    const renamed = await api.rest('PATCH', `/users/${world.editor.id}`, { token: editorToken, body: { name: 'Editor Baru' } })
    expect(renamed.status).toBe(200)
    const promoted = await api.rest('PATCH', `/users/${world.editor.id}`, { token: editorToken, body: { role: 'admin' } })
    if (promoted.status !== 200) expectRefused(promoted, [400, 403])
    const stored = await storedUser(world.editor.id)
    expect(stored).toMatchObject({ name: 'Editor Baru', role: 'editor' })
  })

  it.each([
    ['anonymous', 'admin'],
    ['anonymous', 'editor'],
    ['clientA', 'admin'],
    ['clientA', 'editor'],
    ['editor', 'admin'],
  ] as const)('POST /users as %s with role %s is refused and creates nobody', async (actor, role) => {
    const email = uniqueEmail(`rest-${role}`)
    const token = { anonymous: undefined, clientA: tokenA, editor: editorToken }[actor]
    const response = await api.rest('POST', '/users', { token, body: { email, password: PASSWORD, name: 'Penyusup', role } })
    expectRefused(response, [400, 403])
    expect((await ctx.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it.each([
    ['without a role', {}],
    ['asking for the client role', { role: 'client' }],
  ] as const)('registration %s creates a client that can log in', async (_label, extra) => {
    const email = uniqueEmail('daftar')
    const response = await api.rest('POST', '/users', { body: { email, password: PASSWORD, name: 'Pendaftar', ...extra } })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ doc: { role: 'client' } })
    const token = await api.login(email, PASSWORD)
    const me = await api.rest('GET', '/users/me', { token })
    expect(me.body).toMatchObject({ user: { role: 'client' } })
  })

  it('lets an admin create an editor', async () => {
    const email = uniqueEmail('editor-baru')
    const response = await api.rest('POST', '/users', { token: adminToken, body: { email, password: PASSWORD, name: 'Editor', role: 'editor' } })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ doc: { role: 'editor' } })
  })
})

describe('notifications: a recipient only marks its own items read', () => {
  it('lets A set readAt on its own notification', async () => {
    const readAt = new Date().toISOString()
    const response = await api.rest('PATCH', `/notifications/${world.notificationA.id}`, { token: tokenA, body: { readAt } })
    expect(response.status).toBe(200)
    const stored = await ctx.payload.findByID({ collection: 'notifications', id: world.notificationA.id, overrideAccess: true })
    expect(stored.readAt).toBe(readAt)
  })

  it.each([
    ['title', () => ({ title: 'Diubah klien' })],
    ['recipient', () => ({ recipient: world.clientB.id })],
    ['priority', () => ({ priority: 'critical' })],
  ] as const)('never changes the %s of its own notification', async (_field, data) => {
    const body = data()
    const before = await ctx.payload.findByID({ collection: 'notifications', id: world.notificationA.id, overrideAccess: true, depth: 0 })
    const response = await api.rest('PATCH', `/notifications/${world.notificationA.id}`, { token: tokenA, body })
    expect(response.status).not.toBe(500)
    const after = await ctx.payload.findByID({ collection: 'notifications', id: world.notificationA.id, overrideAccess: true, depth: 0 })
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before)
  })

  it.each([
    ['addressed to every client', () => world.notificationClients.id],
    ["addressed to B", () => world.notificationB.id],
  ] as const)('refuses marking a notification %s', async (_label, id) => {
    const response = await api.rest('PATCH', `/notifications/${id()}`, { token: tokenA, body: { readAt: new Date().toISOString() } })
    expectRefused(response, [403, 404])
    expect((await ctx.payload.findByID({ collection: 'notifications', id: id(), overrideAccess: true })).readAt ?? null).toBeNull()
  })
})

describe('project credentials', () => {
  it('stores the password encrypted', async () => {
    const rows = await ctx.sql<{ credentials_password: string }>('select credentials_password from projects where id = $1', [completedA.project.id])
    expect(rows[0]!.credentials_password).toMatch(/^v1:/)
    expect(rows[0]!.credentials_password).not.toContain(completedA.password)
  })

  it('shows the owner its credentials once the project is completed', async () => {
    const response = await api.rest('GET', `/projects/${completedA.project.id}`, { token: tokenA })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ credentials: { username: completedA.username, password: completedA.password } })
  })

  it('hides them from the owner while the project is not completed', async () => {
    const response = await api.rest('GET', `/projects/${pendingA.project.id}`, { token: tokenA })
    expect(response.status).toBe(200)
    const text = JSON.stringify(response.body)
    expect(text).not.toContain(pendingA.password)
    expect(text).not.toContain(pendingA.username)
  })

  it("never shows B's credentials to A, by id, list or where", async () => {
    const byId = await api.rest('GET', `/projects/${completedB.project.id}`, { token: tokenA })
    expectRefused(byId)
    const list = await api.rest('GET', '/projects?pagination=false&depth=2', { token: tokenA })
    const where = await api.rest('GET', `/projects?where[credentials.username][equals]=${completedB.username}`, { token: tokenA })
    for (const response of [byId, list, where]) expectNothingOfB(response.body)
  })

  it("lists A's projects with credentials only on the completed one", async () => {
    const response = await api.rest('GET', '/projects?pagination=false', { token: tokenA })
    const docs = docsOf(response.body)
    const completed = docs.find((doc) => doc.id === completedA.project.id)
    expect(completed?.credentials).toMatchObject({ password: completedA.password })
    expect(JSON.stringify(docs.filter((doc) => doc.id !== completedA.project.id))).not.toContain(pendingA.password)
  })

  it('applies the same rule to a project populated through an invoice', async () => {
    const response = await api.rest('GET', '/invoices?pagination=false&depth=1', { token: tokenA })
    expect(response.status).toBe(200)
    const text = JSON.stringify(response.body)
    expect(text).toContain(completedA.password)
    expect(text).not.toContain(pendingA.password)
    expect(text).not.toContain(pendingA.username)
    expectNothingOfB(response.body)
  })

  it('cannot be guessed through where queries on the hidden fields', async () => {
    for (const field of ['username', 'password', 'adminUrl'] as const) {
      const value = field === 'adminUrl' ? 'https://a-dikerjakan.sch.id/admin' : pendingA[field]
      const response = await api.rest('GET', `/projects?where[credentials.${field}][equals]=${encodeURIComponent(value)}`, { token: tokenA })
      if (response.status === 200) expect(docsOf(response.body)).toEqual([])
      else expectRefused(response, [400, 403])
    }
  })

  it('shows an admin the decrypted password at any status', async () => {
    const response = await api.rest('GET', `/projects/${pendingA.project.id}`, { token: adminToken })
    expect(response.body).toMatchObject({ credentials: { username: pendingA.username, password: pendingA.password } })
    const graph = await graphql('query ($id: Int!) { Project(id: $id) { credentials { password } } }', adminToken, { id: pendingA.project.id })
    expect(graph.data?.Project).toEqual({ credentials: { password: pendingA.password } })
  })

  it('follows the same rule through GraphQL', async () => {
    const query = 'query ($id: Int!) { Project(id: $id) { id credentials { adminUrl username password } } }'
    const completed = await graphql(query, tokenA, { id: completedA.project.id })
    expect(completed.data?.Project).toMatchObject({ credentials: { username: completedA.username, password: completedA.password } })

    const pending = await graphql(query, tokenA, { id: pendingA.project.id })
    expect(JSON.stringify(pending.data)).not.toContain(pendingA.password)
    expect(JSON.stringify(pending.data)).not.toContain(pendingA.username)

    const other = await graphql(query, tokenA, { id: completedB.project.id })
    expectGraphqlRefused(other, 'Project')
    expectNothingOfB(other)

    const nested = await graphql('{ Invoices(pagination: false) { docs { project { id credentials { username password } } } } }', tokenA)
    expect(JSON.stringify(nested.data)).toContain(completedA.password)
    expect(JSON.stringify(nested.data)).not.toContain(pendingA.password)
    expectNothingOfB(nested)
  })

  it('follows the same rule through the Local API', async () => {
    const user = actingAs(world.clientA)
    const completed = await ctx.payload.findByID({ collection: 'projects', id: completedA.project.id, user, overrideAccess: false })
    expect(completed.credentials?.password).toBe(completedA.password)
    const pending = await ctx.payload.findByID({ collection: 'projects', id: pendingA.project.id, user, overrideAccess: false })
    expect(JSON.stringify(pending)).not.toContain(pendingA.password)
    await expect(ctx.payload.findByID({ collection: 'projects', id: completedB.project.id, user, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
  })

  it('is shown to B for its own completed project, never to A', async () => {
    const response = await api.rest('GET', `/projects/${completedB.project.id}`, { token: tokenB })
    expect(response.body).toMatchObject({ credentials: { password: completedB.password } })
  })
})

describe('drafts stay with the content staff', () => {
  it('does not serve a newer draft of a published post to the public', async () => {
    const post = await createPost(ctx.payload, 'Artikel dengan draf', 'published')
    await ctx.payload.update({ collection: 'posts', id: post.id, data: { title: 'Judul rahasia belum terbit' }, draft: true, overrideAccess: true })
    for (const token of [undefined, tokenA]) {
      const one = await api.rest('GET', `/posts/${post.id}?draft=true`, { token })
      expect(one.status).toBe(200)
      expect(one.body).toMatchObject({ title: 'Artikel dengan draf' })
      const list = await api.rest('GET', '/posts?draft=true&pagination=false', { token })
      expect(JSON.stringify(list.body)).not.toContain('Judul rahasia')
      const versions = await api.rest('GET', '/posts/versions', { token })
      expectRefused(versions, [401, 403])
      const graph = await graphql('query ($id: Int!) { Post(id: $id, draft: true) { title } }', token, { id: post.id })
      expect(JSON.stringify(graph)).not.toContain('Judul rahasia')
    }
    const staff = await api.rest('GET', `/posts/${post.id}?draft=true`, { token: editorToken })
    expect(staff.body).toMatchObject({ title: 'Judul rahasia belum terbit' })
  })
})

describe("Payload's own collections and relation paths", () => {
  /** An admin editing B's project in the admin panel holds a document lock on it. */
  async function adminLockOn(collection: 'projects' | 'invoices', id: number): Promise<number> {
    const lock = await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: collection, value: id }, user: { relationTo: 'users', value: world.admin.id } },
      overrideAccess: true,
    })
    return lock.id
  }

  async function lockExists(id: number): Promise<boolean> {
    const found = await ctx.payload.find({ collection: 'payload-locked-documents', where: { id: { equals: id } }, overrideAccess: true })
    return found.totalDocs === 1
  }

  function locksOn(body: unknown, collection: string, id: number): Json[] {
    return docsOf(body).filter((lock) => isObject(lock.document) && lock.document.relationTo === collection && lock.document.value === id)
  }

  it("does not show client A the locks on B's documents", async () => {
    const lockId = await adminLockOn('projects', world.projectB.id)
    const response = await api.rest('GET', '/payload-locked-documents?pagination=false&depth=2', { token: tokenA })
    if (response.status === 200) expect(locksOn(response.body, 'projects', world.projectB.id)).toEqual([])
    else expectRefused(response, [401, 403])
    const graph = await graphql('{ PayloadLockedDocuments(pagination: false) { docs { id } } }', tokenA)
    const seen = graph.errors.length === 0 ? ids(docsOf(graph.data?.PayloadLockedDocuments)) : []
    expect(seen).not.toContain(lockId)
  })

  it("does not let client A lock B's invoice in the admin's name", async () => {
    const response = await api.rest('POST', '/payload-locked-documents', {
      token: tokenA,
      body: { document: { relationTo: 'invoices', value: world.invoiceB.id }, user: { relationTo: 'users', value: world.admin.id } },
    })
    expectRefused(response, [401, 403])
    const locks = await ctx.payload.find({
      collection: 'payload-locked-documents',
      where: { 'document.value': { equals: world.invoiceB.id }, 'document.relationTo': { equals: 'invoices' } },
      overrideAccess: true,
    })
    expect(locks.totalDocs).toBe(0)
  })

  it("does not let client A release an admin's lock", async () => {
    const lockId = await adminLockOn('invoices', world.invoiceA.id)
    const response = await api.rest('DELETE', `/payload-locked-documents/${lockId}`, { token: tokenA })
    expectRefused(response, [401, 403, 404])
    expect(await lockExists(lockId)).toBe(true)
  })

  it("keeps an admin's preferences and the key-value store from client A", async () => {
    await ctx.payload.create({
      collection: 'payload-preferences',
      // Payload fills the owner of a preference from the acting user.
      data: { key: 'projects-list', user: { relationTo: 'users', value: world.admin.id }, value: { columns: ['name'] } },
      user: actingAs(world.admin),
      overrideAccess: true,
    })
    const preferences = await api.rest('GET', '/payload-preferences?pagination=false', { token: tokenA })
    expect(preferences.status).toBe(200)
    expect(docsOf(preferences.body)).toEqual([])
    expectRefused(await api.rest('GET', '/payload-kv', { token: tokenA }), [401, 403])
  })

  it("cannot use a post's author as an oracle on user accounts", async () => {
    const post = await createPost(ctx.payload, 'Artikel oracle', 'published')
    await ctx.payload.update({ collection: 'posts', id: post.id, data: { author: world.editor.id }, overrideAccess: true })
    for (const token of [undefined, tokenA]) {
      for (const where of [`where[author.email][equals]=${encodeURIComponent(world.editor.email)}`, 'where[author.hash][exists]=true', 'where[author.role][equals]=editor']) {
        const response = await api.rest('GET', `/posts?${where}`, { token })
        if (response.status === 200) expect(docsOf(response.body)).toEqual([])
        else expectRefused(response, [400, 403])
      }
    }
  })

  it('refuses duplicating invoices and projects through GraphQL and REST', async () => {
    const count = async (collection: 'invoices' | 'projects') => (await ctx.payload.count({ collection, overrideAccess: true })).totalDocs
    const [invoices, projects] = [await count('invoices'), await count('projects')]
    const duplicateInvoice = await graphql('mutation ($id: Int!, $data: mutationInvoiceInput!) { duplicateInvoice(id: $id, data: $data) { id } }', tokenA, {
      id: world.invoiceA.id,
      data: { project: world.projectA.id, amount: 1, status: 'unpaid', dueDate: '2030-01-01T00:00:00.000Z' },
    })
    expectGraphqlRefused(duplicateInvoice, 'duplicateInvoice')
    const duplicateProject = await graphql('mutation ($id: Int!, $data: mutationProjectInput!) { duplicateProject(id: $id, data: $data) { id } }', tokenA, {
      id: world.projectB.id,
      data: { name: 'Salinan', owner: world.clientA.id, type: 'sekolah', status: 'pending_payment', pricingTier: world.tier.id },
    })
    expectGraphqlRefused(duplicateProject, 'duplicateProject')
    expectRefused(await api.rest('POST', `/invoices/${world.invoiceA.id}/duplicate`, { token: tokenA }), [403])
    expectRefused(await api.rest('POST', `/projects/${world.projectB.id}/duplicate`, { token: tokenA }), [403, 404])
    expect([await count('invoices'), await count('projects')]).toEqual([invoices, projects])
  })
})
