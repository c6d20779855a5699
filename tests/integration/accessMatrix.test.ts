import fs from 'node:fs'
import path from 'node:path'
import { REST_POST } from '@payloadcms/next/routes'
import type { Where } from 'payload'

import { createApi, type Api, type ApiResponse } from '../helpers/api'
import {
  actingAs,
  createAnnouncement,
  createAuditEntry,
  createInvoice,
  createMedia,
  createNotification,
  createPage,
  createPaymentEvent,
  createPost,
  createTemplate,
  createUser,
  createWorld,
  PASSWORD,
  type World,
} from '../helpers/fixtures'
import { createTestPayload, type TestContext } from '../helpers/testPayload'
import type { User } from '../../payload-types'
import { richText } from '../../seed/lexical'

/**
 * SPEC §2 "who may do what", as a table: every collection × operation × actor, through the
 * Local API (overrideAccess: false), REST and — for the sensitive collections — GraphQL.
 * The target of read/update/delete is a fresh document belonging to client A wherever
 * documents have an owner, so "client B" always means "someone else's document".
 */

const ACTORS = ['anonymous', 'clientA', 'clientB', 'editor', 'admin'] as const
type ActorName = (typeof ACTORS)[number]

const OPERATIONS = ['create', 'readOne', 'list', 'update', 'delete'] as const
type Operation = (typeof OPERATIONS)[number]

const COLLECTIONS = [
  'users',
  'projects',
  'invoices',
  'pricing',
  'templates',
  'posts',
  'pages',
  'media',
  'notifications',
  'announcements',
  'payment-events',
  'audit-log',
] as const
type Slug = (typeof COLLECTIONS)[number]

const SENSITIVE = ['users', 'projects', 'invoices', 'notifications'] as const
type SensitiveSlug = (typeof SENSITIVE)[number]

const Y = 'allowed'
const N = 'denied'
/** readOne: published documents are readable, drafts are not. list: only published ones come back. */
const PUB = 'published only'
/** list: exactly the actor's own rows (own account, own projects/invoices, notifications addressed to it or its role). */
const OWN = 'own only'
/** list: announcements for the actor's audience that are published and not expired. */
const AUD = 'audience only'
/** list: every row. */
const ALL = 'all'
type Expectation = typeof Y | typeof N | typeof PUB | typeof OWN | typeof AUD | typeof ALL
type Row = readonly [anonymous: Expectation, clientA: Expectation, clientB: Expectation, editor: Expectation, admin: Expectation]

//                                anonymous clientA clientB editor admin
const MATRIX: Record<Slug, Record<Operation, Row>> = {
  // Registration is public and creates clients only; the read/update target is client A's own account.
  users: {
    create: [Y, Y, Y, Y, Y],
    readOne: [N, Y, N, N, Y],
    list: [N, OWN, OWN, OWN, ALL],
    update: [N, Y, N, N, Y],
    delete: [N, N, N, N, Y],
  },
  projects: {
    create: [N, N, N, N, Y],
    readOne: [N, Y, N, N, Y],
    list: [N, OWN, OWN, N, ALL],
    update: [N, N, N, N, Y],
    delete: [N, N, N, N, Y],
  },
  invoices: {
    create: [N, N, N, N, Y],
    readOne: [N, Y, N, N, Y],
    list: [N, OWN, OWN, N, ALL],
    update: [N, N, N, N, Y],
    delete: [N, N, N, N, Y],
  },
  pricing: {
    create: [N, N, N, N, Y],
    readOne: [Y, Y, Y, Y, Y],
    list: [ALL, ALL, ALL, ALL, ALL],
    update: [N, N, N, N, Y],
    delete: [N, N, N, N, Y],
  },
  templates: {
    create: [N, N, N, Y, Y],
    readOne: [Y, Y, Y, Y, Y],
    list: [ALL, ALL, ALL, ALL, ALL],
    update: [N, N, N, Y, Y],
    delete: [N, N, N, Y, Y],
  },
  posts: {
    create: [N, N, N, Y, Y],
    readOne: [PUB, PUB, PUB, Y, Y],
    list: [PUB, PUB, PUB, ALL, ALL],
    update: [N, N, N, Y, Y],
    delete: [N, N, N, Y, Y],
  },
  pages: {
    create: [N, N, N, Y, Y],
    readOne: [PUB, PUB, PUB, Y, Y],
    list: [PUB, PUB, PUB, ALL, ALL],
    update: [N, N, N, Y, Y],
    delete: [N, N, N, Y, Y],
  },
  media: {
    create: [N, N, N, Y, Y],
    readOne: [Y, Y, Y, Y, Y],
    list: [ALL, ALL, ALL, ALL, ALL],
    update: [N, N, N, Y, Y],
    delete: [N, N, N, Y, Y],
  },
  // The target is addressed to client A personally; the only update a recipient may make is readAt.
  notifications: {
    create: [N, N, N, N, Y],
    readOne: [N, Y, N, N, Y],
    list: [N, OWN, OWN, OWN, ALL],
    update: [N, Y, N, N, Y],
    delete: [N, N, N, N, Y],
  },
  // The read target is a published announcement for the audience "clients".
  announcements: {
    create: [N, N, N, N, Y],
    readOne: [N, Y, Y, N, Y],
    list: [N, AUD, AUD, AUD, ALL],
    update: [N, N, N, N, Y],
    delete: [N, N, N, N, Y],
  },
  // Written by the server only: not even an admin creates, edits or deletes them through the API.
  'payment-events': {
    create: [N, N, N, N, N],
    readOne: [N, N, N, N, Y],
    list: [N, N, N, N, ALL],
    update: [N, N, N, N, N],
    delete: [N, N, N, N, N],
  },
  'audit-log': {
    create: [N, N, N, N, N],
    readOne: [N, N, N, N, Y],
    list: [N, N, N, N, ALL],
    update: [N, N, N, N, N],
    delete: [N, N, N, N, N],
  },
}

type Case = { collection: Slug; operation: Operation; actor: ActorName; expected: Expectation }

function casesFor(collections: readonly Slug[]): Case[] {
  return collections.flatMap((collection) =>
    OPERATIONS.flatMap((operation) =>
      ACTORS.map((actor, index) => ({ collection, operation, actor, expected: MATRIX[collection][operation][index] })),
    ),
  )
}

const ALL_CASES = casesFor(COLLECTIONS)
const SENSITIVE_CASES = casesFor(SENSITIVE)

// ---------------------------------------------------------------------------------------
// The world every case runs in

let ctx: TestContext
let api: Api
let world: World
let mediaId: number
const tokens: Partial<Record<ActorName, string>> = {}

beforeAll(async () => {
  ctx = await createTestPayload()
  api = createApi(ctx.config)
  world = await createWorld(ctx.payload)
  const payload = ctx.payload
  mediaId = (await createMedia(payload)).id
  // Rows that make every list meaningful: drafts next to published documents, notifications
  // for each role, announcements for each audience and outside their publication window.
  await createTemplate(payload, mediaId, 'Template Sekolah')
  await createPost(payload, 'Artikel Terbit', 'published')
  await createPost(payload, 'Artikel Draf', 'draft')
  await createPage(payload, 'Halaman Terbit', 'published')
  await createPage(payload, 'Halaman Draf', 'draft')
  await createNotification(payload, { recipient: world.editor.id, title: 'Untuk editor' })
  await createNotification(payload, { recipientRole: 'editor', title: 'Untuk semua editor' })
  await createNotification(payload, { recipientRole: 'admin', title: 'Untuk semua admin' })
  const day = 86_400_000
  await createAnnouncement(payload, { title: 'Untuk semua', audience: 'all' })
  await createAnnouncement(payload, { title: 'Untuk klien', audience: 'clients' })
  await createAnnouncement(payload, { title: 'Untuk admin', audience: 'admins' })
  await createAnnouncement(payload, { title: 'Belum terbit', audience: 'all', publishAt: new Date(Date.now() + day).toISOString() })
  await createAnnouncement(payload, {
    title: 'Sudah kedaluwarsa',
    audience: 'clients',
    publishAt: new Date(Date.now() - 2 * day).toISOString(),
    expiresAt: new Date(Date.now() - day).toISOString(),
  })
  await createPaymentEvent(payload, 'ORDER-FIXTURE')
  await createAuditEntry(payload, 'fixture')

  tokens.admin = await api.login(world.admin.email, PASSWORD)
  tokens.editor = await api.login(world.editor.email, PASSWORD)
  tokens.clientA = await api.login(world.clientA.email, PASSWORD)
  tokens.clientB = await api.login(world.clientB.email, PASSWORD)
})
afterAll(async () => ctx?.close())

function userOf(actor: ActorName): User | null {
  if (actor === 'anonymous') return null
  return { admin: world.admin, editor: world.editor, clientA: world.clientA, clientB: world.clientB }[actor]
}

// ---------------------------------------------------------------------------------------
// What each collection needs: valid data, a fresh target, a patch, and who "owns" a row

type Doc = { id: number } & Record<string, unknown>
type Marker = { text: string; number: number }

let markerCount = 0
/** A value unique to one case, so its effects can be found (or proven absent) afterwards. */
function nextMarker(): Marker {
  markerCount += 1
  return { text: `mx${markerCount}`, number: 700_000 + markerCount }
}

type Lookup = { projectOwners: Map<number, number | null> }

type CollectionSpec = {
  createData: (marker: Marker, actor: ActorName) => Record<string, unknown>
  /** Finds the document a create case would have made. */
  created: (marker: Marker) => Where
  checkCreated?: (doc: Doc, actor: ActorName) => void
  target: (operation: 'readOne' | 'update' | 'delete', marker: Marker) => Promise<number>
  /** For collections with drafts: a published document, readable by everyone. */
  publishedTarget?: (marker: Marker) => Promise<number>
  patch: (marker: Marker) => Record<string, unknown>
  patched: (doc: Doc, marker: Marker) => boolean
  /** The rows an actor sees when the list expectation is scoped (own, published, audience). */
  sees?: (actor: User | null, doc: Doc, lookup: Lookup) => boolean
  upload?: true
}

function relationId(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number') return value.id
  return null
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString()

const SPECS: Record<Slug, CollectionSpec> = {
  users: {
    // An admin may hand out any role; nobody else sends one (registration).
    createData: (m, actor) => ({ email: `${m.text}@matrix.test`, password: PASSWORD, name: m.text, ...(actor === 'admin' ? { role: 'editor' } : {}) }),
    created: (m) => ({ email: { equals: `${m.text}@matrix.test` } }),
    checkCreated: (doc, actor) => expect(doc.role).toBe(actor === 'admin' ? 'editor' : 'client'),
    target: async (operation) => (operation === 'delete' ? (await createUser(ctx.payload, 'client', 'Akan dihapus')).id : world.clientA.id),
    patch: (m) => ({ name: m.text }),
    patched: (doc, m) => doc.name === m.text,
    sees: (actor, doc) => doc.id === actor?.id,
  },
  projects: {
    createData: (m) => ({ name: m.text, owner: world.clientA.id, type: 'sekolah', pricingTier: world.tier.id }),
    created: (m) => ({ name: { equals: m.text } }),
    target: async (_operation, m) =>
      (
        await ctx.payload.create({
          collection: 'projects',
          data: { name: `Target ${m.text}`, owner: world.clientA.id, type: 'berita', status: 'pending_payment', pricingTier: world.tier.id },
          overrideAccess: true,
          context: { skipFirstInvoice: true },
        })
      ).id,
    patch: (m) => ({ notes: m.text }),
    patched: (doc, m) => doc.notes === m.text,
    sees: (actor, doc) => actor !== null && relationId(doc.owner) === actor.id,
  },
  invoices: {
    createData: (m) => ({ project: world.projectA.id, amount: m.number, dueDate: inAWeek() }),
    created: (m) => ({ amount: { equals: m.number } }),
    target: async (_operation, m) => (await createInvoice(ctx.payload, world.projectA, m.number)).id,
    patch: (m) => ({ amount: m.number }),
    patched: (doc, m) => doc.amount === m.number,
    sees: (actor, doc, { projectOwners }) => {
      const project = relationId(doc.project)
      return actor !== null && project !== null && projectOwners.get(project) === actor.id
    },
  },
  pricing: {
    createData: (m) => ({ name: m.text, price: 1_500_000, projectType: 'berita' }),
    created: (m) => ({ name: { equals: m.text } }),
    target: async (_operation, m) =>
      (await ctx.payload.create({ collection: 'pricing', data: { name: `Target ${m.text}`, price: 1_000_000, projectType: 'company' }, overrideAccess: true })).id,
    patch: (m) => ({ name: m.text }),
    patched: (doc, m) => doc.name === m.text,
  },
  templates: {
    createData: (m) => ({ name: m.text, category: 'company', image: mediaId, demoUrl: 'https://demo.jasaweb.id/matrix' }),
    created: (m) => ({ name: { equals: m.text } }),
    target: async (_operation, m) => (await createTemplate(ctx.payload, mediaId, `Target ${m.text}`)).id,
    patch: (m) => ({ name: m.text }),
    patched: (doc, m) => doc.name === m.text,
  },
  posts: {
    createData: (m) => ({ title: m.text, slug: `artikel-${m.text}`, content: richText([{ paragraph: m.text }]) }),
    created: (m) => ({ title: { equals: m.text } }),
    // The protected case is the draft: it must stay invisible to the public.
    target: async (_operation, m) => (await createPost(ctx.payload, `Draf ${m.text}`, 'draft')).id,
    publishedTarget: async (m) => (await createPost(ctx.payload, `Terbit ${m.text}`, 'published')).id,
    patch: (m) => ({ title: m.text }),
    patched: (doc, m) => doc.title === m.text,
    sees: (_actor, doc) => doc._status === 'published',
  },
  pages: {
    createData: (m) => ({ title: m.text, slug: `halaman-${m.text}`, content: richText([{ paragraph: m.text }]) }),
    created: (m) => ({ title: { equals: m.text } }),
    target: async (_operation, m) => (await createPage(ctx.payload, `Draf ${m.text}`, 'draft')).id,
    publishedTarget: async (m) => (await createPage(ctx.payload, `Terbit ${m.text}`, 'published')).id,
    patch: (m) => ({ title: m.text }),
    patched: (doc, m) => doc.title === m.text,
    sees: (_actor, doc) => doc._status === 'published',
  },
  media: {
    createData: (m) => ({ alt: m.text }),
    created: (m) => ({ alt: { equals: m.text } }),
    target: async (_operation, m) => (await createMedia(ctx.payload, `Target ${m.text}`)).id,
    patch: (m) => ({ alt: m.text }),
    patched: (doc, m) => doc.alt === m.text,
    upload: true,
  },
  notifications: {
    createData: (m) => ({ recipient: world.clientA.id, title: m.text }),
    created: (m) => ({ title: { equals: m.text } }),
    target: async (_operation, m) => (await createNotification(ctx.payload, { recipient: world.clientA.id, title: `Target ${m.text}` })).id,
    patch: () => ({ readAt: new Date().toISOString() }),
    patched: (doc) => typeof doc.readAt === 'string',
    sees: (actor, doc) => actor !== null && (relationId(doc.recipient) === actor.id || doc.recipientRole === actor.role),
  },
  announcements: {
    createData: (m) => ({ title: m.text, body: 'Pengumuman uji', audience: 'all' }),
    created: (m) => ({ title: { equals: m.text } }),
    target: async (_operation, m) => (await createAnnouncement(ctx.payload, { title: `Target ${m.text}`, audience: 'clients' })).id,
    patch: (m) => ({ title: m.text }),
    patched: (doc, m) => doc.title === m.text,
    sees: (actor, doc) => {
      if (!actor) return false
      const audiences = actor.role === 'client' ? ['all', 'clients'] : ['all']
      const now = Date.now()
      const published = typeof doc.publishAt !== 'string' || new Date(doc.publishAt).getTime() <= now
      const current = typeof doc.expiresAt !== 'string' || new Date(doc.expiresAt).getTime() > now
      return audiences.includes(String(doc.audience)) && published && current
    },
  },
  'payment-events': {
    createData: (m) => ({ orderId: m.text, result: 'forged', raw: { order_id: m.text } }),
    created: (m) => ({ orderId: { equals: m.text } }),
    target: async (_operation, m) => (await createPaymentEvent(ctx.payload, `ORDER-${m.text}`)).id,
    patch: (m) => ({ result: m.text }),
    patched: (doc, m) => doc.result === m.text,
  },
  'audit-log': {
    createData: (m) => ({ action: m.text, targetCollection: 'users', targetId: '1', at: new Date().toISOString() }),
    created: (m) => ({ action: { equals: m.text } }),
    target: async (_operation, m) => (await createAuditEntry(ctx.payload, `target-${m.text}`)).id,
    patch: (m) => ({ summary: m.text }),
    patched: (doc, m) => doc.summary === m.text,
  },
}

// ---------------------------------------------------------------------------------------
// Ground truth, read with overrideAccess

type LocalArgs = { collection: Slug; overrideAccess: boolean; user?: User & { collection: 'users' }; depth?: number }
/**
 * The matrix iterates over slugs, so Payload's per-slug data types cannot narrow here; this
 * view of the Local API takes and returns plain documents.
 */
type LooseLocalApi = {
  create(args: LocalArgs & { data: Record<string, unknown>; filePath?: string }): Promise<Doc>
  findByID(args: LocalArgs & { id: number }): Promise<Doc>
  find(args: LocalArgs & { where?: Where; pagination?: boolean }): Promise<{ docs: Doc[] }>
  update(args: LocalArgs & { id: number; data: Record<string, unknown> }): Promise<Doc>
  delete(args: LocalArgs & { id: number }): Promise<Doc>
}
const local = (): LooseLocalApi => ctx.payload as unknown as LooseLocalApi

async function storedWhere(collection: Slug, where: Where): Promise<Doc[]> {
  return (await local().find({ collection, where, overrideAccess: true, pagination: false, depth: 0 })).docs
}

async function storedById(collection: Slug, id: number): Promise<Doc | undefined> {
  return (await storedWhere(collection, { id: { equals: id } }))[0]
}

async function expectedListIds(collection: Slug, actor: ActorName, expected: Expectation): Promise<number[]> {
  if (expected === N) return []
  const all = await storedWhere(collection, {})
  if (expected === ALL) return all.map((doc) => doc.id).sort(byNumber)
  const sees = SPECS[collection].sees
  if (!sees) throw new Error(`${collection} has no rule for "${expected}"`)
  const projects = await storedWhere('projects', {})
  const lookup: Lookup = { projectOwners: new Map(projects.map((project) => [project.id, relationId(project.owner)])) }
  return all.filter((doc) => sees(userOf(actor), doc, lookup)).map((doc) => doc.id).sort(byNumber)
}

const byNumber = (a: number, b: number) => a - b
const IMAGE_PATH = path.join(process.cwd(), 'seed', 'images', 'blog-cover.jpg')

// ---------------------------------------------------------------------------------------
// Local API

type Attempt<T> = { ok: true; value: T } | { ok: false; status: number; message: string }

async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500
    return { ok: false, status, message: error instanceof Error ? error.message : String(error) }
  }
}

/** A refusal is Payload's 403 (no access) or 404 (a scoped rule that does not match): never a crash. */
function expectRefused(result: Attempt<unknown> | ApiResponse, allowed: number[] = [401, 403, 404]): void {
  const status = 'ok' in result ? (result.ok ? 200 : result.status) : result.status
  expect(allowed).toContain(status)
}

function expectSucceeded<T>(result: Attempt<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.status}: ${result.message}`)
  return result.value
}

describe('Local API with overrideAccess: false', () => {
  it.each(ALL_CASES)('$collection $operation as $actor → $expected', async ({ collection, operation, actor, expected }) => {
    const spec = SPECS[collection]
    const actingUser = userOf(actor)
    const as = { collection, overrideAccess: false, ...(actingUser ? { user: actingAs(actingUser) } : {}) }
    const marker = nextMarker()

    if (operation === 'create') {
      const result = await attempt(() =>
        local().create({ ...as, data: spec.createData(marker, actor), ...(spec.upload ? { filePath: IMAGE_PATH } : {}) }),
      )
      const stored = await storedWhere(collection, spec.created(marker))
      if (expected === Y) {
        expectSucceeded(result)
        expect(stored).toHaveLength(1)
        spec.checkCreated?.(stored[0]!, actor)
      } else {
        expectRefused(result, [401, 403])
        expect(stored).toHaveLength(0)
      }
      return
    }

    if (operation === 'readOne') {
      if (expected === PUB) {
        const publishedId = await spec.publishedTarget!(marker)
        expect(expectSucceeded(await attempt(() => local().findByID({ ...as, id: publishedId, depth: 0 }))).id).toBe(publishedId)
      }
      const id = await spec.target('readOne', marker)
      const result = await attempt(() => local().findByID({ ...as, id, depth: 0 }))
      if (expected === Y) expect(expectSucceeded(result).id).toBe(id)
      else expectRefused(result)
      return
    }

    if (operation === 'list') {
      const wanted = await expectedListIds(collection, actor, expected)
      const result = await attempt(() => local().find({ ...as, pagination: false, depth: 0 }))
      if (expected === N) {
        expectRefused(result, [401, 403])
      } else {
        expect(expectSucceeded(result).docs.map((doc) => doc.id).sort(byNumber)).toEqual(wanted)
      }
      return
    }

    const id = await spec.target(operation, marker)
    const before = await storedById(collection, id)
    if (operation === 'update') {
      const result = await attempt(() => local().update({ ...as, id, data: spec.patch(marker), depth: 0 }))
      const after = await storedById(collection, id)
      if (expected === Y) {
        expectSucceeded(result)
        expect(spec.patched(after!, marker)).toBe(true)
      } else {
        expectRefused(result)
        expect(after).toEqual(before)
      }
      return
    }

    const result = await attempt(() => local().delete({ ...as, id, depth: 0 }))
    const after = await storedById(collection, id)
    if (expected === Y) {
      expectSucceeded(result)
      expect(after).toBeUndefined()
    } else {
      expectRefused(result)
      expect(after).toEqual(before)
    }
  })
})

// ---------------------------------------------------------------------------------------
// REST

function docIdOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  if ('doc' in body) return docIdOf(body.doc)
  return 'id' in body && typeof body.id === 'number' ? body.id : undefined
}

function listIdsOf(body: unknown): number[] {
  if (typeof body !== 'object' || body === null || !('docs' in body) || !Array.isArray(body.docs)) throw new Error(`not a list: ${JSON.stringify(body)}`)
  return body.docs.map((doc: unknown) => docIdOf(doc) ?? NaN).sort(byNumber)
}

/** Uploads go as multipart form data, the way the admin UI sends them. */
async function restUpload(data: Record<string, unknown>, token?: string): Promise<ApiResponse> {
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(IMAGE_PATH)], { type: 'image/jpeg' }), 'matrix.jpg')
  form.append('_payload', JSON.stringify(data))
  const origin = 'http://localhost:3000'
  const request = new Request(new URL('/api/media', origin), {
    method: 'POST',
    headers: { origin, ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: form,
  })
  const response = await REST_POST(Promise.resolve(ctx.config))(request, { params: Promise.resolve({ slug: ['media'] }) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers }
}

describe('REST', () => {
  it.each(ALL_CASES)('$collection $operation as $actor → $expected', async ({ collection, operation, actor, expected }) => {
    const spec = SPECS[collection]
    const token = tokens[actor]
    const marker = nextMarker()

    if (operation === 'create') {
      const data = spec.createData(marker, actor)
      const result = spec.upload ? await restUpload(data, token) : await api.rest('POST', `/${collection}`, { token, body: data })
      const stored = await storedWhere(collection, spec.created(marker))
      if (expected === Y) {
        expect(result.status).toBe(201)
        expect(stored).toHaveLength(1)
        spec.checkCreated?.(stored[0]!, actor)
      } else {
        expectRefused(result, [401, 403])
        expect(stored).toHaveLength(0)
      }
      return
    }

    if (operation === 'readOne') {
      if (expected === PUB) {
        const publishedId = await spec.publishedTarget!(marker)
        const published = await api.rest('GET', `/${collection}/${publishedId}?depth=0`, { token })
        expect(published.status).toBe(200)
        expect(docIdOf(published.body)).toBe(publishedId)
      }
      const id = await spec.target('readOne', marker)
      const result = await api.rest('GET', `/${collection}/${id}?depth=0`, { token })
      if (expected === Y) {
        expect(result.status).toBe(200)
        expect(docIdOf(result.body)).toBe(id)
      } else {
        expectRefused(result)
        expect(docIdOf(result.body)).toBeUndefined()
      }
      return
    }

    if (operation === 'list') {
      const wanted = await expectedListIds(collection, actor, expected)
      const result = await api.rest('GET', `/${collection}?pagination=false&depth=0`, { token })
      if (expected === N) {
        expectRefused(result, [401, 403])
      } else {
        expect(result.status).toBe(200)
        expect(listIdsOf(result.body)).toEqual(wanted)
      }
      return
    }

    const id = await spec.target(operation, marker)
    const before = await storedById(collection, id)
    const result =
      operation === 'update'
        ? await api.rest('PATCH', `/${collection}/${id}`, { token, body: spec.patch(marker) })
        : await api.rest('DELETE', `/${collection}/${id}`, { token })
    const after = await storedById(collection, id)
    if (expected === Y) {
      expect(result.status).toBe(200)
      if (operation === 'update') expect(spec.patched(after!, marker)).toBe(true)
      else expect(after).toBeUndefined()
    } else {
      expectRefused(result)
      expect(after).toEqual(before)
    }
  })
})

// ---------------------------------------------------------------------------------------
// GraphQL, for the collections that hold people, money and secrets

/**
 * GraphQL's input types make select fields with a default mandatory; sending them keeps a
 * refusal the work of access control rather than of schema validation.
 */
const GRAPHQL: Record<SensitiveSlug, { one: string; many: string; createDefaults: Record<string, unknown> }> = {
  users: { one: 'User', many: 'Users', createDefaults: { role: 'client' } },
  projects: { one: 'Project', many: 'Projects', createDefaults: { status: 'pending_payment' } },
  invoices: { one: 'Invoice', many: 'Invoices', createDefaults: { status: 'unpaid' } },
  notifications: { one: 'Notification', many: 'Notifications', createDefaults: { type: 'message', priority: 'medium' } },
}

function isSensitive(collection: Slug): collection is SensitiveSlug {
  return (SENSITIVE as readonly string[]).includes(collection)
}

type GraphqlResult = { data: Record<string, unknown> | null; errors: unknown[] }

function graphqlResultOf(response: ApiResponse): GraphqlResult {
  expect(response.status).toBe(200)
  const body: unknown = response.body
  if (typeof body !== 'object' || body === null) throw new Error(`not a GraphQL response: ${String(body)}`)
  const data = 'data' in body && typeof body.data === 'object' ? (body.data as Record<string, unknown> | null) : null
  const errors = 'errors' in body && Array.isArray(body.errors) ? body.errors : []
  return { data, errors }
}

function statusOfGraphqlError(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined
  const { extensions } = error
  return typeof extensions === 'object' && extensions !== null && 'statusCode' in extensions && typeof extensions.statusCode === 'number'
    ? extensions.statusCode
    : undefined
}

/** A refused GraphQL operation answers with an access error (not a schema error) and no document. */
function expectGraphqlRefused(result: GraphqlResult, field: string): void {
  expect(result.errors.length).toBeGreaterThan(0)
  expect([401, 403, 404]).toContain(statusOfGraphqlError(result.errors[0]))
  expect(result.data?.[field] ?? null).toBeNull()
}

describe('GraphQL', () => {
  it.each(SENSITIVE_CASES)('$collection $operation as $actor → $expected', async ({ collection, operation, actor, expected }) => {
    if (!isSensitive(collection)) throw new Error(`${collection} is not covered through GraphQL`)
    const spec = SPECS[collection]
    const { one, many, createDefaults } = GRAPHQL[collection]
    const token = tokens[actor]
    const marker = nextMarker()

    if (operation === 'create') {
      const data = { ...createDefaults, ...spec.createData(marker, actor) }
      const field = `create${one}`
      const result = graphqlResultOf(
        await api.graphql(`mutation ($data: mutation${one}Input!) { ${field}(data: $data) { id } }`, { token, variables: { data } }),
      )
      const stored = await storedWhere(collection, spec.created(marker))
      if (expected === Y) {
        expect(result.errors).toEqual([])
        expect(stored).toHaveLength(1)
        spec.checkCreated?.(stored[0]!, actor)
      } else {
        expectGraphqlRefused(result, field)
        expect(stored).toHaveLength(0)
      }
      return
    }

    if (operation === 'readOne') {
      const id = await spec.target('readOne', marker)
      const result = graphqlResultOf(await api.graphql(`query ($id: Int!) { ${one}(id: $id) { id } }`, { token, variables: { id } }))
      if (expected === Y) {
        expect(result.errors).toEqual([])
        expect(docIdOf(result.data?.[one])).toBe(id)
      } else {
        expectGraphqlRefused(result, one)
      }
      return
    }

    if (operation === 'list') {
      const wanted = await expectedListIds(collection, actor, expected)
      const result = graphqlResultOf(await api.graphql(`{ ${many}(pagination: false) { docs { id } } }`, { token }))
      if (expected === N) {
        expectGraphqlRefused(result, many)
      } else {
        expect(result.errors).toEqual([])
        expect(listIdsOf(result.data?.[many])).toEqual(wanted)
      }
      return
    }

    const id = await spec.target(operation, marker)
    const before = await storedById(collection, id)
    const field = `${operation}${one}`
    const response =
      operation === 'update'
        ? await api.graphql(`mutation ($id: Int!, $data: mutation${one}UpdateInput!) { ${field}(id: $id, data: $data) { id } }`, {
            token,
            variables: { id, data: spec.patch(marker) },
          })
        : await api.graphql(`mutation ($id: Int!) { ${field}(id: $id) { id } }`, { token, variables: { id } })
    const result = graphqlResultOf(response)
    const after = await storedById(collection, id)
    if (expected === Y) {
      expect(result.errors).toEqual([])
      if (operation === 'update') expect(spec.patched(after!, marker)).toBe(true)
      else expect(after).toBeUndefined()
    } else {
      expectGraphqlRefused(result, field)
      expect(after).toEqual(before)
    }
  })
})
