/**
 * The admin UI in a real browser (Debian's chromium through playwright-core) against the
 * real app: log in as the seeded admin, move a project from in_progress to review through
 * the status select, and check that an invalid transition is refused and not saved; the
 * notification bell follows a new admin announcement live; the live connections view lists
 * open sockets and closes one.
 *
 * Set E2E_SCREENSHOTS=/some/dir to keep screenshots of each step.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core'

import { startAppServer, type AppServer } from '../helpers/appServer'
import { connectClient } from '../helpers/realtime'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const ADMIN = { email: 'admin@jasaweb.id', password: 'admin12345' }
// Payload admin pages are heavy on 2 cores.
const UI_TIMEOUT = 60_000

type HistoryEntry = { from: string; to: string; by?: unknown; at: string }
type ProjectDoc = { id: number | string; name: string; status: string; statusHistory?: HistoryEntry[] }

let server: AppServer | undefined
let browser: Browser | undefined
let context: BrowserContext | undefined
let page: Page | undefined
let token = ''
const browserErrors: string[] = []

function app(): AppServer {
  if (!server) throw new Error('the app did not start')
  return server
}

function tab(): Page {
  if (!page) throw new Error('the browser did not start')
  return page
}

async function screenshot(name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS
  if (!dir || !page) return
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => undefined)
}

async function api<T>(pathname: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app().url}/api${pathname}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) },
  })
  return { status: response.status, body: (await response.json()) as T }
}

async function findProject(name: string): Promise<ProjectDoc> {
  const { status, body } = await api<{ docs: ProjectDoc[] }>(`/projects?where[name][equals]=${encodeURIComponent(name)}&depth=0`)
  expect(status).toBe(200)
  const project = body.docs[0]
  if (!project) throw new Error(`seeded project "${name}" not found`)
  return project
}

async function getProject(id: ProjectDoc['id']): Promise<ProjectDoc> {
  const { status, body } = await api<ProjectDoc>(`/projects/${id}?depth=0`)
  expect(status).toBe(200)
  return body
}

/** The projects list, then the project's own page through its link. */
async function openProject(name: string): Promise<void> {
  const p = tab()
  await p.goto(`${app().url}/admin/collections/projects`)
  await p.getByRole('link', { name, exact: true }).click()
  await p.waitForURL(/\/admin\/collections\/projects\/[^/]+$/)
  await expect(statusValue()).resolves.toBeTruthy()
}

/** The text the status select shows (react-select's single value). */
async function statusValue(): Promise<string> {
  const value = tab().locator('#field-status .rs__single-value')
  await value.waitFor({ state: 'visible' })
  return (await value.innerText()).trim()
}

async function chooseStatus(label: string): Promise<void> {
  const p = tab()
  await p.locator('#field-status .rs__control').click()
  await p.getByRole('option', { name: label, exact: true }).click()
  await expect(statusValue()).resolves.toBe(label)
}

/** Clicks Save and returns the API response of the save itself. */
async function save(): Promise<Response> {
  const p = tab()
  const [response] = await Promise.all([
    p.waitForResponse((r) => /\/api\/projects\/[^/?]+/.test(new URL(r.url()).pathname) && ['PATCH', 'POST'].includes(r.request().method())),
    p.getByRole('button', { name: 'Save', exact: true }).click(),
  ])
  return response
}

beforeAll(async () => {
  server = await startAppServer()
  console.log(`[e2e] admin browser: app ready in ${server.readyMs} ms${server.built ? ' (including next build)' : ''}, waited ${server.lockWaitMs} ms for the start lock`)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  // The app's SERVER_URL is http://localhost:PORT: Payload's CSRF check wants exactly that origin.
  context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 1000 } })
  context.setDefaultTimeout(UI_TIMEOUT)
  context.setDefaultNavigationTimeout(UI_TIMEOUT)
  page = await context.newPage()
  page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`))

  const login = await api<{ token?: string }>('/users/login', { method: 'POST', body: JSON.stringify(ADMIN) })
  expect(login.status).toBe(200)
  token = login.body.token ?? ''
  expect(token).not.toBe('')
}, 600_000)

afterAll(async () => {
  await context?.close().catch(() => undefined)
  await browser?.close().catch(() => undefined)
  const result = await server?.stop()
  if (result && result.code !== 0) console.log(`[e2e] admin browser: the app exited with ${result.code ?? result.signal}`)
  if (browserErrors.length > 0) console.log(`[e2e] admin browser: errors in the page:\n${browserErrors.join('\n')}`)
}, 60_000)

test('logs in through the admin login form', async () => {
  const p = tab()
  await p.goto('/admin')
  await p.waitForURL(/\/admin\/login/)
  await screenshot('01-login')
  await p.getByLabel('Email').fill(ADMIN.email)
  await p.locator('#field-password').fill(ADMIN.password)
  await p.getByRole('button', { name: 'Login', exact: true }).click()
  await p.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'))
  // The dashboard lists the collections; the session cookie is set.
  await p.getByRole('link', { name: /Proyek/ }).first().waitFor({ state: 'visible' })
  const cookies = await context?.cookies()
  expect(cookies?.some((cookie) => cookie.name === 'payload-token')).toBe(true)
  await screenshot('02-dashboard')
}, 180_000)

test('moves an in_progress project to review through the status select', async () => {
  const before = await findProject('Profil Yayasan Harapan')
  expect(before.status).toBe('in_progress')
  const historyLength = before.statusHistory?.length ?? 0

  await openProject('Profil Yayasan Harapan')
  await screenshot('03-project-in-progress')
  expect(await statusValue()).toBe('Sedang dikerjakan')

  await chooseStatus('Menunggu review')
  await tab().locator('#field-transitionNote').fill('Desain siap direview klien')
  const response = await save()
  expect(response.status()).toBe(200)
  await tab().getByText(/updated successfully|berhasil/i).first().waitFor({ state: 'visible' })
  await screenshot('04-project-saved')

  // The page after a reload shows what was stored.
  await tab().reload()
  expect(await statusValue()).toBe('Menunggu review')
  await screenshot('05-project-reloaded')

  // And the API agrees: status and a new history entry in_progress → review by the admin.
  const after = await getProject(before.id)
  expect(after.status).toBe('review')
  const history = after.statusHistory ?? []
  expect(history).toHaveLength(historyLength + 1)
  const last = history[history.length - 1]
  expect(last).toMatchObject({ from: 'in_progress', to: 'review', note: 'Desain siap direview klien' })
  expect(last?.by).not.toBeNull()
}, 240_000)

test('refuses an invalid transition (completed → pending_payment) and saves nothing', async () => {
  const before = await findProject('Website SD Harapan Bangsa')
  expect(before.status).toBe('completed')

  await openProject('Website SD Harapan Bangsa')
  expect(await statusValue()).toBe('Selesai')

  await chooseStatus('Menunggu pembayaran')
  const response = await save()
  expect(response.status()).toBeGreaterThanOrEqual(400)
  expect(response.status()).toBeLessThan(500)
  // The hook's message reaches the person in the admin.
  await tab().getByText(/Status proyek tidak bisa diubah dari "completed" ke "pending_payment"/).first().waitFor({ state: 'visible' })
  await screenshot('06-invalid-transition')

  await tab().reload()
  expect(await statusValue()).toBe('Selesai')

  const after = await getProject(before.id)
  expect(after.status).toBe('completed')
  expect(after.statusHistory).toEqual(before.statusHistory)
}, 240_000)

test('an admin re-checks an invoice with Midtrans from its sidebar', async () => {
  const { status, body } = await api<{ docs: { id: number }[] }>('/invoices?where[status][equals]=paid&depth=0&limit=1')
  expect(status).toBe(200)
  const invoice = body.docs[0]
  if (!invoice) throw new Error('no seeded paid invoice')
  await tab().goto(`/admin/collections/invoices/${invoice.id}`)
  await tab().getByRole('button', { name: 'Periksa ulang status di Midtrans' }).click()
  // Seeded invoices were paid without QRIS: the endpoint says so, through the cookie session.
  await tab().getByRole('status').filter({ hasText: 'belum pernah dibayar lewat QRIS' }).waitFor({ state: 'visible' })
  await screenshot('07-invoice-recheck')
}, 180_000)

async function adminUnread(): Promise<number> {
  const { status, body } = await api<{ unread: number }>('/inbox?limit=1')
  expect(status).toBe(200)
  return body.unread
}

test('the bell shows the unread count, follows a new admin announcement live, and marks all read', async () => {
  const p = tab()
  await p.goto('/admin')
  const bell = p.getByRole('button', { name: /^Notifikasi/ })
  await bell.waitFor({ state: 'visible' })
  const before = await adminUnread()
  await p.locator(`.jw-bell__dot--connected`).waitFor({ state: 'attached' })
  // The count arrives with the bell's own inbox read, which may land after the socket connects.
  await p.getByRole('button', { name: before > 0 ? `Notifikasi: ${before} belum dibaca` : 'Notifikasi', exact: true }).waitFor({ state: 'visible' })

  const sent = await api('/websocket/broadcast', { method: 'POST', body: JSON.stringify({ title: 'Uji lonceng admin', body: 'Pesan untuk admin', priority: 'high', audience: 'admins' }) })
  expect(sent.status).toBe(201)
  // No reload: the socket brings it.
  await p.getByRole('button', { name: `Notifikasi: ${before + 1} belum dibaca` }).waitFor({ state: 'visible' })
  await bell.click()
  await p.getByRole('dialog', { name: 'Notifikasi' }).getByText('Uji lonceng admin').waitFor({ state: 'visible' })
  await screenshot('08-bell-open')
  await p.getByRole('button', { name: 'Tandai semua dibaca' }).click()
  await p.getByRole('button', { name: 'Notifikasi', exact: true }).waitFor({ state: 'visible' })
  expect(await adminUnread()).toBe(0)
}, 180_000)

test('the live connections view lists open sockets and closes one', async () => {
  const p = tab()
  const client = await api<{ token: string }>('/users/login', { method: 'POST', body: JSON.stringify({ email: 'sari@kabarkini.id', password: 'klien12345' }) })
  const ticket = await fetch(`${app().url}/api/websocket/token`, { headers: { authorization: `JWT ${client.body.token}` } })
  const sari = await connectClient(app().url, { token: ((await ticket.json()) as { token: string }).token })
  try {
    await p.goto('/admin/realtime')
    await p.getByRole('heading', { name: 'Koneksi langsung', level: 1 }).waitFor({ state: 'visible' })
    const row = p.locator('tr', { hasText: 'sari@kabarkini.id' })
    await row.waitFor({ state: 'visible' })
    await p.locator('tr', { hasText: 'admin@jasaweb.id' }).first().waitFor({ state: 'visible' })
    await screenshot('09-live-connections')
    await p.getByRole('button', { name: 'Putuskan sari@kabarkini.id' }).click()
    await expect(sari.disconnected()).resolves.toBe('io server disconnect')
    await row.waitFor({ state: 'detached' })
  } finally {
    sari.close()
  }
}, 180_000)
