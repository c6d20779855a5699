/**
 * Cross-site request forgery: a page on another origin makes the victim's browser send a
 * state-changing request with the session cookie. The session cookie counts only when the
 * request's Origin is in the CSRF list (SERVER_URL) or, with no Origin, when the browser
 * says the request is same-site (Sec-Fetch-Site); otherwise the request is anonymous. Each
 * attack here is refused and changes nothing; the same request from the app's own origin
 * is the control that proves the cookie itself works.
 */
import { createTier } from '../helpers/fixtures'
import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()
const OWN_ORIGIN = 'http://localhost:3000'
const EVIL_ORIGIN = 'https://jasaweb-promo.evil.example'

/** A browser's request carrying the session cookie (no Authorization header), from `origin`. */
const withCookie = (jwt: string, from: { origin?: string; secFetchSite?: string }) => ({
  cookie: `payload-token=${jwt}`,
  origin: from.origin ?? '',
  ...(from.secFetchSite ? { 'sec-fetch-site': from.secFetchSite } : {}),
})
const cookieRequest = (method: 'POST' | 'PATCH' | 'DELETE', path: string, jwt: string, from: { origin?: string; secFetchSite?: string }, body?: unknown) => {
  const headers: Record<string, string> = withCookie(jwt, from)
  return suite.api.rest(method, path, { body, headers })
}

describe('CSRF: the session cookie from another origin', () => {
  it('authenticates by the cookie alone from the app’s own origin (the control)', async () => {
    const { status, body } = await suite.api.rest('GET', '/users/me', { headers: withCookie(suite.tokens.admin, { origin: OWN_ORIGIN }) })
    expect(status).toBe(200)
    expect(body.user?.email).toBe(suite.world.admin.email)
  })

  it('cannot change a project, and the same request from the app itself can', async () => {
    const project = suite.world.projectA
    const attack = await cookieRequest('PATCH', `/projects/${project.id}`, suite.tokens.admin, { origin: EVIL_ORIGIN }, { name: 'Diretas dari luar' })
    expect([401, 403]).toContain(attack.status)
    expect((await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })).name).toBe(project.name)

    const own = await cookieRequest('PATCH', `/projects/${project.id}`, suite.tokens.admin, { origin: OWN_ORIGIN }, { name: 'Nama baru dari admin' })
    expect(own.status).toBe(200)
    expect((await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })).name).toBe('Nama baru dari admin')
  })

  it('cannot change the victim’s account (role or email)', async () => {
    const client = suite.world.clientA
    const attack = await cookieRequest('PATCH', `/users/${client.id}`, suite.tokens.clientA, { origin: EVIL_ORIGIN }, { email: 'penyerang@evil.example' })
    expect([401, 403]).toContain(attack.status)
    expect((await suite.ctx.payload.findByID({ collection: 'users', id: client.id, overrideAccess: true })).email).toBe(client.email)
  })

  it('cannot delete as an admin', async () => {
    const unused = await createTier(suite.ctx.payload, 7_700_000)
    const attack = await cookieRequest('DELETE', `/pricing/${unused.id}`, suite.tokens.admin, { origin: EVIL_ORIGIN })
    expect([401, 403]).toContain(attack.status)
    expect((await suite.ctx.payload.findByID({ collection: 'pricing', id: unused.id, overrideAccess: true })).id).toBe(unused.id)
  })

  it('cannot start a payment or broadcast through the custom endpoints', async () => {
    const attemptsBefore = await suite.ctx.sql('SELECT count(*)::int AS n FROM invoices_payment_attempts')
    const pay = await cookieRequest('POST', `/invoices/${suite.world.invoiceA.id}/pay`, suite.tokens.clientA, { origin: EVIL_ORIGIN }, {})
    expect(pay.status).toBe(401)
    expect(await suite.ctx.sql('SELECT count(*)::int AS n FROM invoices_payment_attempts')).toEqual(attemptsBefore)

    const announcementsBefore = await suite.ctx.payload.count({ collection: 'announcements', overrideAccess: true })
    const broadcast = await cookieRequest('POST', '/websocket/broadcast', suite.tokens.admin, { origin: EVIL_ORIGIN }, { title: 'Promo palsu', body: 'Klik tautan ini' })
    expect(broadcast.status).toBe(401)
    expect(await suite.ctx.payload.count({ collection: 'announcements', overrideAccess: true })).toEqual(announcementsBefore)
  })

  it('is refused with no Origin when the browser says it is cross-site, or says nothing', async () => {
    const project = suite.world.projectB
    for (const from of [{ secFetchSite: 'cross-site' }, {}]) {
      const attack = await cookieRequest('PATCH', `/projects/${project.id}`, suite.tokens.admin, from, { name: 'Tanpa Origin' })
      expect([401, 403]).toContain(attack.status)
    }
    expect((await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })).name).toBe(project.name)
  })

  it('cannot create through a cross-site HTML form post (multipart, the cookie, another origin)', async () => {
    const before = await suite.ctx.payload.count({ collection: 'posts', overrideAccess: true })
    const form = new FormData()
    form.set('_payload', JSON.stringify({ title: 'Artikel palsu', slug: 'artikel-palsu' }))
    const response = await fetchRest('POST', '/posts', form, withCookie(suite.tokens.admin, { origin: EVIL_ORIGIN }))
    expect([401, 403]).toContain(response.status)
    expect(await suite.ctx.payload.count({ collection: 'posts', overrideAccess: true })).toEqual(before)
  })
})

/** A REST call with a body the JSON helper cannot send (a browser form). */
async function fetchRest(method: 'POST', path: string, body: FormData, headers: Record<string, string>) {
  const { REST_POST } = await import('@payloadcms/next/routes')
  const url = new URL(`/api${path}`, OWN_ORIGIN)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  return REST_POST(Promise.resolve(suite.ctx.config))(new Request(url, { method, body, headers }), { params: Promise.resolve({ slug }) })
}
