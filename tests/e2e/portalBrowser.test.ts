/**
 * The client portal in a real browser (Debian's chromium through playwright-core) against
 * the real app (`scripts/start.ts`, embedded PostgreSQL, demo seed, built-in QRIS simulator).
 * A seeded client logs in, pays an invoice and watches it turn paid without a reload,
 * approves a project in review, asks for a revision on another, sees a status change pushed
 * live, cannot open another client's project, and changes the password.
 *
 * Screenshots of every portal page at phone and desktop width go to
 * `artifacts/screenshots/` (or E2E_SCREENSHOTS).
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

import { startAppServer, type AppServer } from '../helpers/appServer'
import { seriousAccessibilityViolations } from '../helpers/axe'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('artifacts/screenshots')
const BUDI = { email: 'budi@sdharapan.sch.id', password: 'klien12345' }
const SARI = { email: 'sari@kabarkini.id', password: 'klien12345' }
const ADMIN = { email: 'admin@jasaweb.id', password: 'admin12345' }
const UI_TIMEOUT = 45_000

type Doc = { id: number; name?: string; status: string; number?: string }

let server: AppServer | undefined
let browser: Browser | undefined
let page: Page | undefined
const browserErrors: string[] = []
/** The browser's reports of anything the Content-Security-Policy refused. */
const policyRefusals: string[] = []

const app = (): AppServer => {
  if (!server) throw new Error('the app did not start')
  return server
}
const tab = (): Page => {
  if (!page) throw new Error('the browser did not start')
  return page
}

async function api<T>(pathname: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app().url}/api${pathname}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
  })
  return { status: response.status, body: (await response.json()) as T }
}

async function tokenFor(user: { email: string; password: string }): Promise<string> {
  const { status, body } = await api<{ token: string }>('/users/login', { method: 'POST', body: JSON.stringify(user) })
  expect(status).toBe(200)
  return body.token
}

async function projectNamed(name: string, token: string): Promise<Doc> {
  const { body } = await api<{ docs: Doc[] }>(`/projects?where[name][equals]=${encodeURIComponent(name)}&depth=0`, { token })
  const project = body.docs[0]
  if (!project) throw new Error(`seeded project "${name}" not found`)
  return project
}

async function shoot(name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await tab().screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

async function logIn(user: { email: string; password: string }, next = '/portal'): Promise<void> {
  const p = tab()
  await p.goto(`${app().url}/masuk?next=${encodeURIComponent(next)}`)
  await p.getByLabel('Email').fill(user.email)
  await p.getByLabel('Kata sandi', { exact: true }).fill(user.password)
  await Promise.all([p.waitForURL((url) => url.pathname.startsWith(next), { timeout: UI_TIMEOUT }), p.getByRole('button', { name: 'Masuk' }).click()])
}

async function live(): Promise<void> {
  await tab().locator('.live-status--connected').waitFor({ timeout: UI_TIMEOUT })
}

beforeAll(async () => {
  server = await startAppServer()
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.setDefaultTimeout(UI_TIMEOUT)
  page.on('pageerror', (error) => browserErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) policyRefusals.push(message.text())
  })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

test('a visitor who opens the portal is sent to the login page and back after logging in', async () => {
  const p = tab()
  await p.goto(`${app().url}/portal/tagihan`)
  await p.waitForURL(/\/masuk\?next=%2Fportal%2Ftagihan/)
  await p.getByLabel('Email').fill(BUDI.email)
  await p.getByLabel('Kata sandi', { exact: true }).fill(BUDI.password)
  await Promise.all([p.waitForURL(/\/portal\/tagihan$/), p.getByRole('button', { name: 'Masuk' }).click()])
  await p.getByRole('heading', { name: 'Tagihan', level: 1 }).waitFor()
  await p.getByRole('heading', { name: 'Belum dibayar' }).waitFor()
}, 120_000)

test('the dashboard shows projects by status, what is owed and the latest news', async () => {
  const p = tab()
  await p.goto(`${app().url}/portal`)
  await p.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor()
  const stats = await p.locator('.stat').allTextContents()
  // Budi's seed: one project in each status.
  expect(stats.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['1Menunggu pembayaran', '1Sedang dikerjakan', '1Menunggu review', '1Selesai'])
  await expect(p.locator('.owed').textContent()).resolves.toMatch(/Rp\s?5\.500\.000/)
  await live()
  for (const [width, label] of [
    [390, 'phone'],
    [1280, 'desktop'],
  ] as const) {
    await p.setViewportSize({ width, height: 900 })
    for (const [route, name] of [
      ['/portal', 'dashboard'],
      ['/portal/proyek', 'projects'],
      ['/portal/tagihan', 'invoices'],
      ['/portal/notifikasi', 'notifications'],
      ['/portal/akun', 'account'],
    ] as const) {
      await p.goto(`${app().url}${route}`)
      await p.locator('.portal__title').waitFor()
      // Nothing on a portal page may make a phone scroll sideways.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect({ route, width, overflow }).toEqual({ route, width, overflow: 0 })
      await shoot(`portal-${name}-${label}`)
    }
  }
}, 240_000)

test('no portal page has a serious or critical accessibility violation (axe-core)', async () => {
  const p = tab()
  const budi = await tokenFor(BUDI)
  const project = await projectNamed('Profil Yayasan Harapan', budi)
  const invoices = await api<{ docs: Doc[] }>('/invoices?depth=0&sort=status', { token: budi })
  const paid = invoices.body.docs.find((invoice) => invoice.status === 'paid')
  const unpaid = invoices.body.docs.find((invoice) => invoice.status === 'unpaid')
  if (!paid || !unpaid) throw new Error('the seed gives Budi a paid and an unpaid invoice')
  const found: Record<string, string[]> = {}
  for (const route of ['/portal', '/portal/proyek', `/portal/proyek/${project.id}`, '/portal/tagihan', `/portal/tagihan/${unpaid.id}`, `/portal/tagihan/${paid.id}/kwitansi`, '/portal/notifikasi', '/portal/akun']) {
    await p.goto(`${app().url}${route}`)
    await p.locator('.portal__title, h1').first().waitFor()
    const violations = await seriousAccessibilityViolations(p)
    if (violations.length > 0) found[route] = violations
  }
  expect(found).toEqual({})
}, 180_000)

test('pays an unpaid invoice with the simulator and sees it turn paid without reloading', async () => {
  const p = tab()
  await p.goto(`${app().url}/portal/tagihan`)
  await p.getByRole('link', { name: 'Bayar' }).first().click()
  await p.waitForURL(/\/portal\/tagihan\/\d+$/)
  await live()
  // A marker on the window: it survives only if the page is never reloaded.
  await p.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  await p.getByRole('button', { name: 'Bayar' }).click()
  const qr = p.getByRole('img', { name: /Kode QRIS/ })
  await qr.waitFor()
  await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml;base64,/)
  await expect(p.locator('.pay-card__timer').textContent()).resolves.toMatch(/1[45]:\d\d/)
  await shoot('portal-pay-qris')
  await p.getByRole('button', { name: 'Simulasikan pembayaran' }).click()
  await p.getByRole('heading', { name: 'Pembayaran diterima' }).waitFor()
  await expect(p.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true)
  await expect(p.locator('.badge').first().textContent()).resolves.toBe('Lunas')

  const id = Number(new URL(p.url()).pathname.split('/').pop())
  const token = await tokenFor(BUDI)
  const invoice = await api<Doc & { project: Doc }>(`/invoices/${id}?depth=1`, { token })
  expect(invoice.body.status).toBe('paid')
  expect(invoice.body.project.status).toBe('in_progress')

  await p.getByRole('link', { name: 'Lihat kwitansi' }).click()
  await p.getByRole('heading', { name: 'Kwitansi Pembayaran' }).waitFor()
  await expect(p.locator('.receipt').textContent()).resolves.toContain(invoice.body.number)
  await shoot('portal-receipt')
}, 180_000)

test('a payment made elsewhere (another device) flips the open invoice page live', async () => {
  const p = tab()
  const admin = await tokenFor(ADMIN)
  const budi = await tokenFor(BUDI)
  const me = await api<{ user: Doc }>('/users/me', { token: budi })
  const tiers = await api<{ docs: Doc[] }>('/pricing?limit=1', { token: admin })
  const created = await api<{ doc: Doc }>('/projects', { method: 'POST', token: admin, body: JSON.stringify({ name: 'Proyek Live', owner: me.body.user.id, type: 'sekolah', pricingTier: tiers.body.docs[0]!.id }) })
  expect(created.status).toBe(201)
  const invoices = await api<{ docs: Doc[] }>(`/invoices?where[project][equals]=${created.body.doc.id}&depth=0`, { token: budi })
  const invoice = invoices.body.docs[0]!
  await p.goto(`${app().url}/portal/tagihan/${invoice.id}`)
  await live()
  await p.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  // The phone: starts the payment and "pays" over the API, not through this page.
  expect((await api(`/invoices/${invoice.id}/pay`, { method: 'POST', token: budi })).status).toBe(201)
  expect((await api(`/invoices/${invoice.id}/simulate-payment`, { method: 'POST', token: budi })).status).toBe(200)
  await p.getByRole('heading', { name: 'Pembayaran diterima' }).waitFor({ timeout: 15_000 })
  await expect(p.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true)
}, 120_000)

test('approves the project in review', async () => {
  const p = tab()
  const project = await projectNamed('PPDB Online SD Harapan', await tokenFor(BUDI))
  expect(project.status).toBe('review')
  await p.goto(`${app().url}/portal/proyek/${project.id}`)
  await shoot('portal-project-review')
  await p.getByRole('button', { name: 'Setujui' }).click()
  await p.locator('.badge', { hasText: 'Selesai' }).first().waitFor()
  await p.getByRole('heading', { name: 'Website dan akses' }).waitFor()
  expect((await projectNamed('PPDB Online SD Harapan', await tokenFor(BUDI))).status).toBe('completed')
}, 120_000)

test('asks for a revision with a note; an empty note is refused next to the field', async () => {
  const p = tab()
  const admin = await tokenFor(ADMIN)
  const project = await projectNamed('Profil Yayasan Harapan', admin)
  expect(project.status).toBe('in_progress')
  await p.goto(`${app().url}/portal/proyek/${project.id}`)
  await live()
  // The admin puts it in review; the open page follows without a reload.
  expect((await api(`/projects/${project.id}`, { method: 'PATCH', token: admin, body: JSON.stringify({ status: 'review' }) })).status).toBe(200)
  await p.getByRole('button', { name: 'Minta revisi' }).click({ timeout: 15_000 })
  await p.getByRole('button', { name: 'Kirim permintaan revisi' }).click()
  await expect(p.locator('#revision-note-error').textContent()).resolves.toMatch(/minimal 3 karakter/)
  await p.getByLabel('Apa yang perlu diubah?').fill('Tolong ganti warna header menjadi hijau sekolah.')
  await p.getByRole('button', { name: 'Kirim permintaan revisi' }).click()
  await p.locator('.badge', { hasText: 'Sedang dikerjakan' }).first().waitFor()
  await expect(p.locator('.timeline').textContent()).resolves.toContain('Tolong ganti warna header menjadi hijau sekolah.')
  expect((await projectNamed('Profil Yayasan Harapan', admin)).status).toBe('in_progress')
}, 120_000)

test("another client's project and invoice pages say not found and show nothing of theirs", async () => {
  const p = tab()
  const sari = await tokenFor(SARI)
  const theirs = await projectNamed('Portal Berita Kabar Kini', sari)
  const theirInvoices = await api<{ docs: Doc[] }>(`/invoices?depth=0`, { token: sari })
  for (const route of [`/portal/proyek/${theirs.id}`, `/portal/tagihan/${theirInvoices.body.docs[0]!.id}`, '/portal/proyek/abc']) {
    const response = await p.goto(`${app().url}${route}`)
    expect({ route, status: response?.status() }).toEqual({ route, status: 404 })
    await expect(p.locator('main').textContent()).resolves.toMatch(/tidak ditemukan/)
    await expect(p.locator('main').textContent()).resolves.not.toContain('Kabar Kini')
  }
}, 120_000)

test('changes the password (current one required) and logs in with the new one', async () => {
  const p = tab()
  await p.goto(`${app().url}/portal/akun`)
  const form = p.locator('form', { has: p.getByRole('button', { name: 'Ganti kata sandi' }) })
  await form.getByLabel('Kata sandi saat ini').fill('bukan-sandi-ini')
  await form.getByLabel('Kata sandi baru', { exact: true }).fill('sandiBaru2026')
  await form.getByLabel('Ulangi kata sandi baru').fill('sandiBaru2026')
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click()
  await form.getByText('Kata sandi saat ini salah.').first().waitFor()
  await form.getByLabel('Kata sandi saat ini').fill(BUDI.password)
  await form.getByLabel('Kata sandi baru', { exact: true }).fill('sandiBaru2026')
  await form.getByLabel('Ulangi kata sandi baru').fill('sandiBaru2026')
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click()
  await p.getByText('Kata sandi diganti.').waitFor()

  // The REST API refuses the same change without the current password.
  const token = await tokenFor({ email: BUDI.email, password: 'sandiBaru2026' })
  const me = await api<{ user: Doc }>('/users/me', { token })
  const direct = await api(`/users/${me.body.user.id}`, { method: 'PATCH', token, body: JSON.stringify({ password: 'dibajak12345' }) })
  expect(direct.status).toBe(403)

  await p.context().clearCookies()
  await p.goto(`${app().url}/masuk`)
  await p.getByLabel('Email').fill(BUDI.email)
  await p.getByLabel('Kata sandi', { exact: true }).fill(BUDI.password)
  await p.getByRole('button', { name: 'Masuk' }).click()
  await p.locator('.notice--error').waitFor()
  await logIn({ email: BUDI.email, password: 'sandiBaru2026' })
  await p.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor()
}, 120_000)

test("portal pages run only scripts that carry the response's nonce: an injected inline script is refused", async () => {
  // A browser profile of its own, logged in as Sari.
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } })
  const p = await context.newPage()
  p.setDefaultTimeout(UI_TIMEOUT)
  p.on('pageerror', (error) => browserErrors.push(error.message))
  p.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) policyRefusals.push(message.text())
  })
  await p.goto(`${app().url}/masuk?next=${encodeURIComponent('/portal/proyek')}`)
  await p.getByLabel('Email').fill(SARI.email)
  await p.getByLabel('Kata sandi', { exact: true }).fill(SARI.password)
  await Promise.all([p.waitForURL(/\/portal\/proyek$/), p.getByRole('button', { name: 'Masuk' }).click()])
  const response = await p.reload()
  const policy = response?.headers()['content-security-policy'] ?? ''
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
  expect(policy).toContain("'strict-dynamic'")
  expect(nonce).toBeDefined()
  await p.getByRole('heading', { level: 1 }).waitFor()
  // Every script in the page Next wrote carries this response's nonce (JSON-LD data blocks do not run;
  // the chunks those scripts load later are trusted through 'strict-dynamic').
  const tags = ((await response!.text()).match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes('application/ld+json'))
  expect(tags.length).toBeGreaterThan(0)
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([])
  // The page still works (hydrated, connected) ...
  await p.locator('.live-status--connected').waitFor()
  // ... and a script an attacker got into the markup (as stored XSS would be: in the server's
  // answer, with the real headers) does not run.
  const before = policyRefusals.length
  await p.route('**/portal/proyek', async (route) => {
    const original = await route.fetch()
    const body = (await original.text()).replace('</body>', '<script>window.__injected = true</script></body>')
    await route.fulfill({ response: original, body })
  })
  await p.reload()
  await p.getByRole('heading', { level: 1 }).waitFor()
  await p.unroute('**/portal/proyek')
  expect(await p.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
  expect(policyRefusals.length).toBeGreaterThan(before)
  policyRefusals.splice(before)
  // The next response has a nonce of its own.
  const again = await p.goto(`${app().url}/portal/proyek`)
  expect(/'nonce-([^']+)'/.exec(again?.headers()['content-security-policy'] ?? '')?.[1]).not.toBe(nonce)
  await context.close()
}, 120_000)

test('no page threw in the browser, and the Content-Security-Policy refused nothing of the app', () => {
  expect(browserErrors).toEqual([])
  expect(policyRefusals).toEqual([])
})
