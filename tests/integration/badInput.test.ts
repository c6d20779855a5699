import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()

async function countRows(table: string): Promise<number> {
  const rows = await suite.ctx.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)
  return Number(rows[0]!.n)
}

function messageOf(body: unknown): string {
  return JSON.stringify(body)
}

const validProject = () => ({ name: 'Situs Baru', owner: suite.world.clientA.id, type: 'sekolah', pricingTier: suite.world.tier.id })
const validTier = () => ({ name: 'Paket Uji', price: 1_000_000, projectType: 'berita' })

describe('creating with bad input answers 400 with a message and writes nothing', () => {
  const cases: { name: string; path: string; table: string; body: () => Record<string, unknown>; hint: string }[] = [
    { name: 'a project type outside the enum', path: '/projects', table: 'projects', body: () => ({ ...validProject(), type: 'toko-online' }), hint: 'type' },
    { name: 'an unknown project status', path: '/projects', table: 'projects', body: () => ({ ...validProject(), status: 'archived' }), hint: 'archived' },
    { name: 'an unknown field on a project', path: '/projects', table: 'projects', body: () => ({ ...validProject(), discount: 50 }), hint: 'discount' },
    { name: 'an oversized project name', path: '/projects', table: 'projects', body: () => ({ ...validProject(), name: 'x'.repeat(161) }), hint: 'name' },
    { name: 'a project URL that is not http(s)', path: '/projects', table: 'projects', body: () => ({ ...validProject(), url: 'javascript:alert(1)' }), hint: 'url' },
    { name: 'an owner id that does not exist', path: '/projects', table: 'projects', body: () => ({ ...validProject(), owner: 999999 }), hint: 'owner' },
    { name: 'a malformed owner id', path: '/projects', table: 'projects', body: () => ({ ...validProject(), owner: 'abc' }), hint: 'owner' },
    { name: 'a missing required name', path: '/projects', table: 'projects', body: () => ({ ...validProject(), name: undefined }), hint: 'name' },
    { name: 'a negative price', path: '/pricing', table: 'pricing', body: () => ({ ...validTier(), price: -1 }), hint: 'price' },
    { name: 'a fractional price', path: '/pricing', table: 'pricing', body: () => ({ ...validTier(), price: 1000.5 }), hint: 'price' },
    { name: 'a price given as text', path: '/pricing', table: 'pricing', body: () => ({ ...validTier(), price: 'sejuta' }), hint: 'price' },
    { name: 'an unknown field on a tier', path: '/pricing', table: 'pricing', body: () => ({ ...validTier(), discount: true }), hint: 'discount' },
    {
      name: 'a negative invoice amount',
      path: '/invoices',
      table: 'invoices',
      body: () => ({ project: suite.world.projectA.id, amount: -5000, dueDate: new Date().toISOString() }),
      hint: 'amount',
    },
    {
      name: 'an invoice status outside the enum',
      path: '/invoices',
      table: 'invoices',
      body: () => ({ project: suite.world.projectA.id, amount: 5000, status: 'lunas', dueDate: new Date().toISOString() }),
      hint: 'status',
    },
    { name: 'a malformed email at registration', path: '/users', table: 'users', body: () => ({ email: 'bukan-email', password: 'rahasia-123', name: 'X' }), hint: 'email' },
    { name: 'an oversized user name', path: '/users', table: 'users', body: () => ({ email: 'panjang@test.id', password: 'rahasia-123', name: 'n'.repeat(500) }), hint: 'name' },
    { name: 'a malformed phone number', path: '/users', table: 'users', body: () => ({ email: 'telp@test.id', password: 'rahasia-123', name: 'X', phone: 'call me' }), hint: 'phone' },
  ]

  it.each(cases)('$name', async ({ path, table, body, hint }) => {
    const before = await countRows(table)
    const token = path === '/users' ? undefined : suite.tokens.admin
    const result = await suite.api.rest('POST', path, { token, body: body() })
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain(hint)
    expect(await countRows(table)).toBe(before)
  })
})

describe('updating with bad input answers 400 and leaves the document as it was', () => {
  it.each([
    { what: 'a type outside the enum', body: { type: 'warung' }, hint: 'type' },
    { what: 'notes over 5000 characters', body: { notes: 'n'.repeat(5001) }, hint: 'notes' },
    { what: 'a malformed owner id', body: { owner: 'not-an-id' }, hint: 'owner' },
    { what: 'an unknown field', body: { unknownThing: 1 }, hint: 'unknownThing' },
    { what: 'an unknown status', body: { status: 'archived' }, hint: 'archived' },
  ])('PATCH /projects/:id with $what', async ({ body, hint }) => {
    const before = await suite.ctx.payload.findByID({ collection: 'projects', id: suite.world.projectA.id, overrideAccess: true, depth: 0 })
    const result = await suite.api.rest('PATCH', `/projects/${suite.world.projectA.id}`, { token: suite.tokens.admin, body })
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain(hint)
    const after = await suite.ctx.payload.findByID({ collection: 'projects', id: suite.world.projectA.id, overrideAccess: true, depth: 0 })
    expect(after).toEqual(before)
  })

  it('a client asking for the admin role is refused out loud (403) and stays a client', async () => {
    const result = await suite.api.rest('PATCH', `/users/${suite.world.clientA.id}`, { token: suite.tokens.clientA, body: { name: 'Baru', role: 'admin' } })
    expect(result.status).toBe(403)
    expect(messageOf(result.body)).toContain('role')
    const after = await suite.ctx.payload.findByID({ collection: 'users', id: suite.world.clientA.id, overrideAccess: true })
    expect(after).toMatchObject({ role: 'client', name: suite.world.clientA.name })
  })

  it('a client updating its own profile with an unknown field gets a 400', async () => {
    const result = await suite.api.rest('PATCH', `/users/${suite.world.clientA.id}`, { token: suite.tokens.clientA, body: { name: 'Baru', isVip: true } })
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain('isVip')
    const after = await suite.ctx.payload.findByID({ collection: 'users', id: suite.world.clientA.id, overrideAccess: true })
    expect(after.name).toBe(suite.world.clientA.name)
  })
})

describe('malformed ids and queries', () => {
  it.each(['abc', '1.5', '-1', "1' OR '1'='1", '99999999999999999999'])('GET /projects/%s answers 4xx, not 500', async (id) => {
    const result = await suite.api.rest('GET', `/projects/${encodeURIComponent(id)}`, { token: suite.tokens.admin })
    expect(result.status).toBeGreaterThanOrEqual(400)
    expect(result.status).toBeLessThan(500)
  })

  it.each(['abc', '-1'])('DELETE /invoices/%s answers 4xx and deletes nothing', async (id) => {
    const before = await countRows('invoices')
    const result = await suite.api.rest('DELETE', `/invoices/${id}`, { token: suite.tokens.admin })
    expect(result.status).toBeGreaterThanOrEqual(400)
    expect(result.status).toBeLessThan(500)
    expect(await countRows('invoices')).toBe(before)
  })

  it.each([
    ['a malformed id', 'where[id][equals]=abc'],
    ['a malformed relationship id', 'where[owner][equals]=abc'],
    ['a malformed in-list', 'where[id][in]=1,abc'],
    ['a malformed date', 'where[createdAt][greater_than]=kemarin'],
  ])('a where with %s answers 4xx, not 500', async (_what, query) => {
    const result = await suite.api.rest('GET', `/projects?${query}`, { token: suite.tokens.admin })
    expect(result.status).toBeGreaterThanOrEqual(200)
    expect(result.status).toBeLessThan(500)
    if (result.status === 200) expect(result.body.docs).toHaveLength(0)
  })

  it('a GraphQL where with a malformed relationship id is a client error, not a server error', async () => {
    const result = await suite.api.graphql(`{ Projects(where: { owner: { equals: "abc" } }) { docs { id } } }`, { token: suite.tokens.admin })
    expect(result.status).toBeLessThan(500)
    const errors: { extensions?: { statusCode?: number } }[] = result.body.errors ?? []
    for (const error of errors) expect(error.extensions?.statusCode).toBe(400)
    expect(result.body.data?.Projects?.docs ?? []).toHaveLength(0)
  })

  it('a where on a field that does not exist answers 400', async () => {
    const result = await suite.api.rest('GET', `/projects?where[nonexistent][equals]=1`, { token: suite.tokens.admin })
    expect(result.status).toBe(400)
  })

  it('a where with an invalid operator answers 4xx', async () => {
    const result = await suite.api.rest('GET', `/projects?where[name][drop_table]=1`, { token: suite.tokens.admin })
    expect(result.status).toBeGreaterThanOrEqual(400)
    expect(result.status).toBeLessThan(500)
  })

  it('a malformed JSON body answers 400', async () => {
    const before = await countRows('pricing')
    const result = await suite.api.rest('POST', '/pricing', { token: suite.tokens.admin, rawBody: '{"name": "Paket",' })
    expect(result.status).toBe(400)
    expect(await countRows('pricing')).toBe(before)
  })
})

describe('requests that cannot be read at all', () => {
  it.each([
    ['GET', '/projects/%E0%A4%A'],
    ['GET', '/projects/%'],
    ['PATCH', '/projects/%zz'],
    ['POST', '/invoices/%zz/pay'],
  ] as const)('%s with an address with broken percent-encoding (%s) answers 400', async (method, path) => {
    const result = await suite.api.rest(method, path, { token: suite.tokens.admin, ...(method === 'GET' ? {} : { body: {} }) })
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain('percent-encoding')
  })

  it.each([
    ['no closing boundary', '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"email":"a@b.id"}'],
    ['not multipart at all', 'garbage'],
    ['no boundary at all', 'garbage'],
  ])('a multipart body with %s answers 400 and changes nothing', async (name, rawBody) => {
    const before = await countRows('users')
    const contentType = name === 'no boundary at all' ? 'multipart/form-data' : 'multipart/form-data; boundary=x'
    const result = await suite.api.rest('POST', '/users', { rawBody, headers: { 'content-type': contentType } })
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain('multipart')
    expect(await countRows('users')).toBe(before)
  })
})

describe('a write whose body holds no document answers 400 and changes nothing', () => {
  const bodies: [string, { rawBody?: string; headers?: Record<string, string> }][] = [
    ['no body', {}],
    ['a text/plain body', { rawBody: 'name=Situs', headers: { 'content-type': 'text/plain' } }],
    ['a urlencoded form', { rawBody: 'name=Situs&owner=%zz', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['a JSON array', { rawBody: '[{"name":"Situs"}]' }],
    ['a JSON string', { rawBody: '"Situs"' }],
    ['JSON null', { rawBody: 'null' }],
  ]

  it.each(bodies)('creating a project with %s', async (_name, options) => {
    const before = await countRows('projects')
    const result = await suite.api.rest('POST', '/projects', { token: suite.tokens.admin, ...options })
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain('must be a JSON object')
    expect(await countRows('projects')).toBe(before)
  })

  it.each(bodies)('registering with %s', async (_name, options) => {
    const before = await countRows('users')
    const result = await suite.api.rest('POST', '/users', options)
    expect(result.status).toBe(400)
    expect(await countRows('users')).toBe(before)
  })

  it.each(bodies)('updating a project with %s', async (_name, options) => {
    const [before] = await suite.ctx.sql<{ updated_at: Date }>(`SELECT updated_at FROM projects WHERE id = ${suite.world.projectA.id}`)
    const result = await suite.api.rest('PATCH', `/projects/${suite.world.projectA.id}`, { token: suite.tokens.admin, ...options })
    expect(result.status).toBe(400)
    const [after] = await suite.ctx.sql<{ updated_at: Date }>(`SELECT updated_at FROM projects WHERE id = ${suite.world.projectA.id}`)
    expect(after!.updated_at).toEqual(before!.updated_at)
  })

  it('updating many pricing tiers (through Next) with no body', async () => {
    const result = await suite.api.rest('PATCH', `/pricing?where[id][equals]=${suite.world.tier.id}`, { token: suite.tokens.admin })
    expect(result.status).toBe(400)
  })
})
