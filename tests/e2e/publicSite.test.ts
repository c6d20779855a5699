/**
 * The public site in a real browser (Debian's chromium through playwright-core) against the
 * real app built and started as `pnpm start` does: a visitor browsing and reading, an editor
 * publishing, registering, logging in and out, resetting a password by email, the 404.
 *
 * Screenshots of every public page at phone (390 px) and desktop (1280 px) width are written
 * to artifacts/screenshots/public-site/ (or E2E_SCREENSHOTS).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { richText } from '../../seed/lexical'
import { startAppServer, type AppServer } from '../helpers/appServer'
import { seriousAccessibilityViolations } from '../helpers/axe'
import { launchChromium } from '../helpers/browser'
import { waitForMail } from '../helpers/mailbox'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.join('artifacts', 'screenshots', 'public-site')
const EDITOR = { email: 'editor@jasaweb.id', password: 'editor12345' }
const BUDI = { email: 'budi@sdharapan.sch.id', password: 'klien12345' }
const SARI = { email: 'sari@kabarkini.id', password: 'klien12345' }
const UI_TIMEOUT = 60_000
const SEEDED_POST = { title: 'Lima Hal yang Wajib Ada di Website Sekolah', slug: 'lima-hal-yang-wajib-ada-di-website-sekolah' }

let server: AppServer | undefined
let browser: Browser | undefined
const contexts: BrowserContext[] = []
const browserErrors: string[] = []

function app(): AppServer {
  if (!server) throw new Error('the app did not start')
  return server
}

/** A fresh browser profile (no cookies): a new visitor. */
async function visitor(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('the browser did not start')
  const context = await browser.newContext({ baseURL: app().url, viewport, ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}) })
  context.setDefaultTimeout(UI_TIMEOUT)
  context.setDefaultNavigationTimeout(UI_TIMEOUT)
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => browserErrors.push(`${page.url()}: ${error.message}`))
  return { context, page }
}

async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === 'payload-token')?.value
}

/** Who Payload says the token belongs to (null once the session has ended). */
async function whoIs(token: string): Promise<{ email: string; role: string } | null> {
  const response = await fetch(`${app().url}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
  return ((await response.json()) as { user: { email: string; role: string } | null }).user
}

async function apiAs<T = any>(token: string, method: string, pathname: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app().url}/api${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

async function apiLogin(credentials: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${app().url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) })
  const body = (await response.json()) as { token?: string }
  if (!body.token) throw new Error(`could not log in as ${credentials.email}`)
  return body.token
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function logInThroughForm(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/masuk')
  await page.getByLabel('Email').fill(credentials.email)
  await page.locator('#field-password').fill(credentials.password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
}

/** Loads lazy images (by scrolling through the page), then saves a full-page screenshot. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 40))
    }
    window.scrollTo(0, 0)
    await Promise.all([...document.images].map((image) => (image.complete ? null : new Promise((resolve) => image.addEventListener('load', resolve, { once: true })))))
  })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  server = await startAppServer()
  console.log(`[e2e] public site: app ready in ${server.readyMs} ms${server.built ? ' (including next build)' : ''}, waited ${server.lockWaitMs} ms for the start lock`)
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close().catch(() => undefined)
  const result = await server?.stop()
  if (result && result.code !== 0) console.log(`[e2e] public site: the app exited with ${result.code ?? result.signal}`)
  if (browserErrors.length > 0) console.log(`[e2e] public site: errors in the page:\n${browserErrors.join('\n')}`)
}, 60_000)

test('a visitor goes from the home page to a service, with its templates and prices', async () => {
  const { page } = await visitor()
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/Website profesional/)
  // Testimonials come from the CMS.
  await page.getByText('Dra. Sri Rahayu').waitFor()

  await page.getByRole('link', { name: 'Website Sekolah', exact: true }).first().click()
  await page.waitForURL('**/layanan/sekolah')
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Website Sekolah')
  await page.getByRole('heading', { name: 'Cendekia' }).waitFor()
  await page.getByRole('heading', { name: 'Sekolah Lengkap' }).waitFor()
  const prices = (await page.locator('.tier__price').allInnerTexts()).map((text) => text.replace(/\s/g, ' '))
  expect(prices).toEqual(['Rp 2.500.000', 'Rp 5.500.000'])
  // Only this service's templates.
  expect(await page.getByRole('heading', { name: 'Kabar Kini' }).count()).toBe(0)
}, 180_000)

test('a visitor filters the template gallery by category and finds the external demo links', async () => {
  const { page } = await visitor()
  await page.goto('/template')
  expect(await page.locator('.template-card').count()).toBe(6)

  await page.getByRole('navigation', { name: 'Saring template menurut layanan' }).getByRole('link', { name: 'Portal Berita' }).click()
  await page.waitForURL('**/template?kategori=berita')
  await page.getByText('2 template Portal Berita').waitFor()
  const names = await page.locator('.template-card h3').allInnerTexts()
  expect(names.sort()).toEqual(['Kabar Kini', 'Warta Daerah'])
  const filters = page.getByRole('navigation', { name: 'Saring template menurut layanan' })
  expect(await filters.getByRole('link', { name: 'Portal Berita' }).getAttribute('aria-current')).toBe('page')
  expect(await filters.getByRole('link', { name: 'Semua' }).getAttribute('aria-current')).toBeNull()

  const demo = page.getByRole('link', { name: /Lihat demo Kabar Kini/ })
  expect(await demo.getAttribute('href')).toBe('https://demo.jasaweb.id/kabar-kini')
  expect(await demo.getAttribute('target')).toBe('_blank')
  expect(await demo.getAttribute('rel')).toContain('noopener')
}, 180_000)

test('a visitor compares the pricing tiers, in rupiah', async () => {
  const { page } = await visitor()
  await page.goto('/harga')
  for (const service of ['Website Sekolah', 'Portal Berita', 'Company Profile']) {
    await page.getByRole('heading', { level: 2, name: service }).waitFor()
  }
  const prices = (await page.locator('.tier__price').allInnerTexts()).map((text) => text.replace(/\s/g, ' '))
  expect(prices).toEqual(['Rp 2.500.000', 'Rp 5.500.000', 'Rp 4.000.000', 'Rp 9.000.000', 'Rp 3.500.000', 'Rp 7.500.000'])
  expect(await page.getByText('Paling populer').count()).toBe(3)
}, 180_000)

test('a visitor reads a post from the blog, with its title, Open Graph card and canonical address', async () => {
  const { page } = await visitor()
  await page.goto('/blog')
  await page.getByRole('link', { name: SEEDED_POST.title }).click()
  await page.waitForURL(`**/blog/${SEEDED_POST.slug}`)
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(SEEDED_POST.title)
  // The lexical content, rendered: a heading and a list.
  await page.getByRole('heading', { level: 2, name: 'Yang perlu ada' }).waitFor()
  expect(await page.locator('.prose li').count()).toBe(5)
  expect(await page.locator('.article-cover img').getAttribute('src')).toContain('/_next/image')

  // As a crawler sees it: a fresh load of the post's address.
  await page.goto(`/blog/${SEEDED_POST.slug}`)
  expect(await page.title()).toBe(`${SEEDED_POST.title} — JasaWeb`)
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${app().url}/blog/${SEEDED_POST.slug}`)
  expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article')
  expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toContain(`${app().url}/api/media/file/blog-cover.jpg`)
}, 180_000)

test('a post is served from the cache, appears when published without a rebuild, and its drafts never leak', async () => {
  const editorToken = await apiLogin(EDITOR)
  const slug = `kabar-terbaru-${Date.now().toString(36)}`
  const created = await apiAs<{ doc: { id: number } }>(editorToken, 'POST', '/posts?draft=true', {
    title: 'Kabar Terbaru dari Redaksi',
    slug,
    excerpt: 'Draf yang belum boleh dibaca siapa pun.',
    content: richText([{ paragraph: 'Isi draf.' }]),
    _status: 'draft',
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id

  // A visitor: the draft is nowhere.
  const { page } = await visitor()
  expect((await page.goto(`/blog/${slug}`))?.status()).toBe(404)
  await page.goto('/blog')
  expect(await page.getByText('Kabar Terbaru dari Redaksi').count()).toBe(0)
  // The home page is cached (ISR) from here on: the publish below must revalidate it.
  await page.goto('/')
  expect(await page.getByText('Kabar Terbaru dari Redaksi').count()).toBe(0)
  expect((await fetch(`${app().url}/`)).headers.get('x-nextjs-cache')).toBe('HIT')

  // The editor previews it through the admin's preview route, logged in on the site.
  const editor = await visitor()
  await logInThroughForm(editor.page, EDITOR)
  await editor.page.waitForURL(/\/admin/)
  await editor.page.goto(`/next/preview?path=${encodeURIComponent(`/blog/${slug}`)}`)
  await editor.page.waitForURL(`**/blog/${slug}`)
  await expect(editor.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Kabar Terbaru dari Redaksi')
  await editor.page.getByText('Mode pratinjau').waitFor()
  await screenshot(editor.page, 'draft-preview-1280')
  // Preview is for staff only.
  const client = await visitor()
  await logInThroughForm(client.page, BUDI)
  await client.page.waitForURL(/\/portal/)
  expect((await client.page.goto(`/next/preview?path=/blog/${slug}`))?.status()).toBe(403)

  // Published through the API (as the admin UI does): the cached 404 and lists are revalidated.
  expect((await apiAs(editorToken, 'PATCH', `/posts/${id}`, { _status: 'published' })).status).toBe(200)
  expect((await page.goto(`/blog/${slug}`))?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Kabar Terbaru dari Redaksi')
  await page.goto('/blog')
  await page.getByRole('link', { name: 'Kabar Terbaru dari Redaksi' }).waitFor()
  await page.goto('/')
  await page.getByRole('link', { name: 'Kabar Terbaru dari Redaksi' }).waitFor()

  // The page is generated once and then served from the cache.
  const first = await fetch(`${app().url}/blog/${slug}`)
  const second = await fetch(`${app().url}/blog/${slug}`)
  expect(first.status).toBe(200)
  expect(second.headers.get('x-nextjs-cache')).toBe('HIT')

  // A new draft of the published post changes nothing for visitors.
  expect((await apiAs(editorToken, 'PATCH', `/posts/${id}?draft=true`, { title: 'Judul Baru Masih Draf', _status: 'draft' })).status).toBe(200)
  await page.goto(`/blog/${slug}`)
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Kabar Terbaru dari Redaksi')
  expect(await page.getByText('Judul Baru Masih Draf').count()).toBe(0)

  // The sitemap lists it at SERVER_URL.
  const sitemap = await (await fetch(`${app().url}/sitemap.xml`)).text()
  expect(sitemap).toContain(`<loc>${app().url}/blog/${slug}</loc>`)
  const robots = await (await fetch(`${app().url}/robots.txt`)).text()
  expect(robots).toContain(`Sitemap: ${app().url}/sitemap.xml`)
}, 300_000)

test('a visitor registers (field errors first), lands on /portal logged in, and logs out', async () => {
  const { context, page } = await visitor()
  await page.goto('/daftar')
  await page.getByLabel('Nama lengkap').fill('Rina Marlina')
  await page.getByLabel('Email').fill('rina-di-smk')
  await page.locator('#field-password').fill('pendek')
  await page.locator('#field-confirmPassword').fill('pendek')
  await page.getByRole('button', { name: 'Buat akun' }).click()
  await page.getByRole('alert').filter({ hasText: 'Periksa kembali' }).waitFor()
  // Each error sits next to its field and is tied to it.
  const email = page.getByLabel('Email')
  expect(await email.getAttribute('aria-invalid')).toBe('true')
  await expect(page.locator(`#${await email.getAttribute('aria-describedby')}`).innerText()).resolves.toContain('Format email tidak valid')
  await page.locator('#field-password-error').getByText('Kata sandi minimal 8 karakter.').waitFor()
  await page.locator('#field-terms-error').waitFor()
  // What was typed stays (passwords excepted).
  expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rina Marlina')
  await screenshot(page, 'daftar-errors-1280')

  const address = `rina.${Date.now().toString(36)}@smkmaju.sch.id`
  await email.fill(address)
  await page.locator('#field-password').fill('rahasia-123')
  await page.locator('#field-confirmPassword').fill('rahasia-123')
  await page.locator('#field-terms').check()
  await page.getByRole('button', { name: 'Buat akun' }).click()
  await page.waitForURL(/\/portal$/)
  const token = await sessionCookie(context)
  expect(token).toBeTruthy()
  expect(await whoIs(token!)).toMatchObject({ email: address, role: 'client' })

  // The header knows who is logged in, and logging out ends the session on the server.
  await page.goto('/')
  const account = page.locator('.site-header__desktop-account')
  await account.getByRole('link', { name: 'Portal Saya' }).waitFor()
  await account.getByRole('button', { name: 'Keluar' }).click()
  await account.getByRole('link', { name: 'Masuk' }).waitFor()
  await waitUntil(async () => (await sessionCookie(context)) === undefined, 'the session cookie to be cleared')
  expect(await whoIs(token!)).toBeNull()
}, 240_000)

test('a client logs in to /portal, staff to /admin; a wrong password is refused', async () => {
  const { context, page } = await visitor()
  await logInThroughForm(page, { email: BUDI.email, password: 'salah-sandi' })
  await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah.' }).waitFor()
  expect(await sessionCookie(context)).toBeUndefined()

  await page.locator('#field-password').fill(BUDI.password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
  await page.waitForURL(/\/portal$/)
  expect(await whoIs((await sessionCookie(context))!)).toMatchObject({ email: BUDI.email, role: 'client' })
  // Logged in already: the login page sends the client on.
  await page.goto('/masuk')
  await page.waitForURL(/\/portal$/)

  const staff = await visitor()
  await logInThroughForm(staff.page, EDITOR)
  await staff.page.waitForURL(/\/admin/)
  expect(await whoIs((await sessionCookie(staff.context))!)).toMatchObject({ email: EDITOR.email, role: 'editor' })
}, 240_000)

test('forgot password: the email links to the reset page, and the new password logs in', async () => {
  const { context, page } = await visitor()
  await page.goto('/lupa-password')
  await page.getByLabel('Email akun Anda').fill(SARI.email)
  await page.getByRole('button', { name: 'Kirim tautan atur ulang' }).click()
  await page.getByRole('status').filter({ hasText: 'kami telah mengirim tautan' }).waitFor()

  const mail = await waitForMail(app().dataDir, SARI.email, /reset-password\?token=/)
  expect(mail.subject).toBe('Atur ulang kata sandi JasaWeb Anda')
  const link = /https?:\/\/[^"\s<]+\/reset-password\?token=[a-f0-9]+/.exec(mail.body)?.[0]
  expect(link?.startsWith(`${app().url}/reset-password?token=`)).toBe(true)

  await page.goto(link!)
  await page.locator('#field-password').fill('sandi-baru-456')
  await page.locator('#field-confirmPassword').fill('sandi-baru-456')
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
  await page.waitForURL(/\/masuk\?sandi=diperbarui/)
  await page.getByText('Kata sandi Anda sudah diperbarui').waitFor()

  // The link works once.
  await page.goto(link!)
  await page.locator('#field-password').fill('sandi-lain-789')
  await page.locator('#field-confirmPassword').fill('sandi-lain-789')
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
  await page.getByRole('alert').filter({ hasText: 'sudah tidak berlaku' }).waitFor()

  await logInThroughForm(page, { email: SARI.email, password: 'sandi-baru-456' })
  await page.waitForURL(/\/portal$/)
  expect(await whoIs((await sessionCookie(context))!)).toMatchObject({ email: SARI.email })
}, 240_000)

test('an unknown address shows the branded 404', async () => {
  const { page } = await visitor()
  for (const address of ['/halaman-yang-tidak-ada', '/blog/tidak-ada-artikel-ini', '/layanan/toko-online', '/blog/a/b', '/blog?halaman=99']) {
    const response = await page.goto(address)
    expect(response?.status()).toBe(404)
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor()
    await page.getByRole('link', { name: 'Ke beranda', exact: true }).waitFor()
  }
}, 180_000)

const PUBLIC_PAGES: [string, string][] = [
  ['/', 'beranda'],
  ['/layanan', 'layanan'],
  ['/layanan/sekolah', 'layanan-sekolah'],
  ['/layanan/berita', 'layanan-berita'],
  ['/layanan/company-profile', 'layanan-company-profile'],
  ['/template', 'template'],
  ['/template?kategori=company-profile', 'template-company-profile'],
  ['/harga', 'harga'],
  ['/blog', 'blog'],
  [`/blog/${SEEDED_POST.slug}`, 'blog-artikel'],
  ['/tentang-kami', 'halaman-tentang-kami'],
  ['/daftar', 'daftar'],
  ['/masuk', 'masuk'],
  ['/lupa-password', 'lupa-password'],
  ['/reset-password?token=0123456789abcdef0123', 'reset-password'],
  ['/halaman-yang-tidak-ada', '404'],
]

test('every public page renders at phone and desktop width without sideways scrolling', async () => {
  const pages = PUBLIC_PAGES
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    const { page } = await visitor(viewport)
    for (const [address, name] of pages) {
      const response = await page.goto(address)
      expect([200, 404]).toContain(response?.status())
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect({ address, width: viewport.width, overflow }).toEqual({ address, width: viewport.width, overflow: 0 })
      await screenshot(page, `${name}-${viewport.width}`)
    }
  }
}, 420_000)

test('no public page has a serious or critical accessibility violation (axe-core)', async () => {
  const { page } = await visitor({ width: 390, height: 844 })
  const found: Record<string, string[]> = {}
  for (const [address] of PUBLIC_PAGES) {
    await page.goto(address)
    const violations = await seriousAccessibilityViolations(page)
    if (violations.length > 0) found[address] = violations
  }
  expect(found).toEqual({})
}, 300_000)

test('the API viewer at /docs shows the OpenAPI document, loading nothing from another origin', async () => {
  const { context, page } = await visitor()
  const origins = new Set<string>()
  const refusals: string[] = []
  page.on('request', (request) => origins.add(new URL(request.url()).origin))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refusals.push(message.text())
  })
  const document = (await (await fetch(`${app().url}/api/docs`)).json()) as { paths: Record<string, Record<string, { tags: string[] }>> }
  const tags = new Set(Object.values(document.paths).flatMap((item) => Object.values(item).flatMap((operation) => operation.tags)))

  const response = await page.goto('/docs')
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await page.locator('.opblock-tag').first().waitFor()
  expect(await page.locator('.opblock-tag').count()).toBe(tags.size)
  expect(await page.locator('.info .title').innerText()).toContain('JasaWeb API')
  // A tag opens to its operations, each with its method and path.
  await page.locator('.opblock-tag', { hasText: 'Payments' }).click()
  await page.locator('.opblock-summary-path', { hasText: '/api/invoices/{id}/pay' }).waitFor()
  expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(3)
  expect([...origins]).toEqual([app().url.replace(/\/$/, '')])
  expect(refusals).toEqual([])
  await screenshot(page, 'api-docs-1280')
  await context.close()
}, 120_000)
