/**
 * Stored HTML injection, as an attacker would try it: markup and script in every text field a
 * page shows back (testimonials, pricing tiers and their features, templates, a post, a
 * client's name, a project's name, a notification, an announcement). Each page that
 * shows them is opened in a real browser (chromium) on the real app: the text must appear as
 * text, and nothing of it may run.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { richText } from '../../seed/lexical'
import { startAppServer, type AppServer } from '../helpers/appServer'
import { launchChromium } from '../helpers/browser'

const ADMIN = { email: 'admin@jasaweb.id', password: 'admin12345' }
const CLIENT = { email: 'injeksi@contoh.id', password: 'rahasia-injeksi-1' }
/** Runs if rendered as HTML: an image error handler, a script, an attribute break-out. */
const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'><svg onload=window.__xss=1>`
const marked = (field: string) => `${field} ${HOSTILE}`
const UI_TIMEOUT = 60_000

let server: AppServer | undefined
let browser: Browser | undefined
const contexts: BrowserContext[] = []

function app(): AppServer {
  if (!server) throw new Error('the app did not start')
  return server
}

async function api<T = any>(method: string, pathname: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${app().url}/api${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `JWT ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const body = (await response.json()) as T
  if (response.status >= 300) throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
  return body
}

async function login(credentials: { email: string; password: string }): Promise<string> {
  return (await api<{ token: string }>('POST', '/users/login', { body: credentials })).token
}

/** A browser profile logged in with the session cookie (or a visitor without one). */
async function browse(credentials?: { email: string; password: string }): Promise<Page> {
  const context = await browser!.newContext({ baseURL: app().url, viewport: { width: 1280, height: 900 } })
  context.setDefaultTimeout(UI_TIMEOUT)
  contexts.push(context)
  const page = await context.newPage()
  if (credentials) {
    const response = await page.request.post('/api/users/login', { data: credentials, headers: { origin: app().url } })
    expect(response.status()).toBe(200)
  }
  return page
}

/** Opens the page, waits for `shown` as visible text, and checks that nothing injected ran. */
async function expectInert(page: Page, address: string, shown: string): Promise<void> {
  const response = await page.goto(address)
  expect([address, response?.status()]).toEqual([address, 200])
  await page.getByText(shown, { exact: false }).first().waitFor()
  // Let image errors and load handlers fire, had any element been created.
  await page.waitForTimeout(300)
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
    // Elements made from the injected markup would exist even where a policy kept them from running.
    elements: document.querySelectorAll('img[src="x"], svg[onload]').length,
    scripts: [...document.scripts].filter((script) => script.textContent?.trim() === 'window.__xss=1').length,
  }))
  expect({ address, ...found }).toEqual({ address, ran: null, elements: 0, scripts: 0 })
}

let projectId = 0
let postSlug = ''

beforeAll(async () => {
  server = await startAppServer()
  browser = await launchChromium()
  const admin = await login(ADMIN)
  await api('POST', '/testimonials', { token: admin, body: { name: marked('Nama'), role: marked('Jabatan'), organization: marked('Sekolah'), quote: marked('Kutipan'), projectType: 'sekolah', order: 0 } })
  const tier = await api<{ doc: { id: number } }>('POST', '/pricing', {
    token: admin,
    body: { name: marked('Paket'), description: marked('Deskripsi paket'), features: [{ feature: marked('Fitur') }], price: 1_234_000, projectType: 'sekolah', order: 0 },
  })
  const template = (await api<{ docs: { image: number | { id: number } }[] }>('GET', '/templates?limit=1&depth=0', { token: admin })).docs[0]!
  const imageId = typeof template.image === 'number' ? template.image : template.image.id
  await api('POST', '/templates', { token: admin, body: { name: marked('Template'), category: 'sekolah', description: marked('Deskripsi template'), image: imageId, demoUrl: 'https://contoh.id/demo' } })
  postSlug = `uji-injeksi-${Date.now()}`
  await api('POST', '/posts', {
    token: admin,
    body: { title: marked('Judul'), slug: postSlug, excerpt: marked('Ringkasan'), authorName: marked('Penulis'), content: richText([{ paragraph: marked('Paragraf') }]), _status: 'published', publishedAt: new Date().toISOString() },
  })
  const client = await api<{ doc: { id: number } }>('POST', '/users', { body: { ...CLIENT, name: marked('Klien') } })
  const project = await api<{ doc: { id: number } }>('POST', '/projects', { token: admin, body: { name: marked('Proyek'), owner: client.doc.id, type: 'sekolah', pricingTier: tier.doc.id, notes: marked('Catatan') } })
  projectId = project.doc.id
  await api('POST', '/notifications', { token: admin, body: { recipient: client.doc.id, type: 'message', priority: 'high', title: marked('Pesan'), body: marked('Isi pesan') } })
  await api('POST', '/websocket/broadcast', { token: admin, body: { title: marked('Pengumuman'), body: marked('Isi pengumuman'), audience: 'all', priority: 'high' } })
}, 600_000)

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.stop()
}, 60_000)

test('the public site shows injected markup as text: home, pricing, templates, blog and a post', async () => {
  const page = await browse()
  await expectInert(page, '/', 'Kutipan <img')
  await expectInert(page, '/harga', 'Fitur <img')
  await expectInert(page, '/template', 'Template <img')
  await expectInert(page, '/blog', 'Judul <img')
  await expectInert(page, `/blog/${postSlug}`, 'Paragraf <img')
}, 240_000)

test("the portal shows the client's own injected text as text: dashboard, project, notifications, announcements", async () => {
  const page = await browse(CLIENT)
  await expectInert(page, '/portal', 'Proyek <img')
  await expectInert(page, `/portal/proyek/${projectId}`, 'Proyek <img')
  await expectInert(page, '/portal/notifikasi', 'Pesan <img')
  await expectInert(page, '/portal/notifikasi', 'Pengumuman <img')
}, 240_000)

test('the admin lists show it as text too', async () => {
  const page = await browse(ADMIN)
  await expectInert(page, '/admin/collections/projects', 'Proyek <img')
  await expectInert(page, '/admin/collections/users', 'Klien <img')
  await expectInert(page, '/admin/collections/testimonials', 'Nama <img')
}, 240_000)
