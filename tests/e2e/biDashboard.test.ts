/**
 * The admin's BI dashboard (/admin/bi) in a real browser (Debian's chromium through
 * playwright-core) against the real app with the demo seed: the charts draw the API's
 * figures, the range lives in the address bar, bad ranges are refused (by the form, and by
 * the server with its message), CSV downloads carry the same range, a payment refreshes the
 * figures without a reload, and editors and clients see none of it.
 *
 * Screenshots (desktop and 375 px) go to E2E_SCREENSHOTS when it is set.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { addDays, addMonths, jakartaToday } from '../../bi/biParams'
import { defaultQuery, reportPath, searchFromQuery, type DashboardQuery } from '../../src/lib/bi/dashboardQuery'
import { formatPercent } from '../../src/lib/bi/formatBi'
import type { ForecastReport, RevenueReport, SummaryReport } from '../../src/lib/bi/reportTypes'
import { formatRupiah } from '../../src/lib/formatRupiah'
import { startAppServer, type AppServer } from '../helpers/appServer'
import { launchChromium } from '../helpers/browser'

const ADMIN = { email: 'admin@jasaweb.id', password: 'admin12345' }
const EDITOR = { email: 'editor@jasaweb.id', password: 'editor12345' }
const SARI = { email: 'sari@kabarkini.id', password: 'klien12345' }
// Payload admin pages are heavy on 2 cores.
const UI_TIMEOUT = 60_000
const CHARTS = ['revenue', 'receivables', 'top-tiers', 'users', 'conversion', 'projects-by-status', 'projects-by-type', 'new-projects', 'time-in-status']

let server: AppServer | undefined
let browser: Browser | undefined
let adminContext: BrowserContext | undefined
let page: Page | undefined
let adminToken = ''
const browserErrors: string[] = []

const app = (): AppServer => {
  if (!server) throw new Error('the app did not start')
  return server
}
const tab = (): Page => {
  if (!page) throw new Error('the browser did not start')
  return page
}

async function api<T>(pathname: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: T; text: string }> {
  const response = await fetch(`${app().url}/api${pathname}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // CSV
  }
  return { status: response.status, body: body as T, text }
}

async function tokenFor(user: { email: string; password: string }): Promise<string> {
  const { status, body } = await api<{ token: string }>('/users/login', { method: 'POST', body: JSON.stringify(user) })
  expect(status).toBe(200)
  return body.token
}

/** A browser context logged in as `user` through Payload's own session cookie. */
async function contextFor(user: { email: string; password: string }): Promise<BrowserContext> {
  if (!browser) throw new Error('the browser did not start')
  const context = await browser.newContext({ baseURL: app().url, viewport: { width: 1400, height: 1000 } })
  context.setDefaultTimeout(UI_TIMEOUT)
  context.setDefaultNavigationTimeout(UI_TIMEOUT)
  await context.addCookies([{ name: 'payload-token', value: await tokenFor(user), url: app().url }])
  return context
}

async function summaryFor(query: DashboardQuery): Promise<SummaryReport> {
  const { status, body } = await api<SummaryReport>(reportPath('summary', query), { token: adminToken })
  expect(status).toBe(200)
  return body
}

const figure = (id: string) => `.jw-bi__stat[data-figure="${id}"] dd:first-of-type`

/** Waits until the element's text (whitespace, including rupiah's no-break space, folded) is `expected`. */
async function waitForText(selector: string, expected: string): Promise<void> {
  await tab().waitForFunction(
    ([css, want]) => (document.querySelector(css)?.textContent ?? '').replace(/\s+/g, ' ').trim() === want,
    [selector, expected.replace(/\s+/g, ' ')] as const,
  )
}

async function screenshot(name: string, fullPage = true): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  await tab().screenshot({ path: path.join(dir, `${name}.png`), fullPage })
}

async function openDashboard(search = ''): Promise<void> {
  await tab().goto(`/admin/bi${search}`)
  await tab().getByRole('heading', { name: 'Analitik bisnis', level: 1 }).waitFor()
  await tab().locator(figure('revenue')).waitFor()
}

beforeAll(async () => {
  server = await startAppServer()
  console.log(`[e2e] bi dashboard: app ready in ${server.readyMs} ms${server.built ? ' (including next build)' : ''}, waited ${server.lockWaitMs} ms for the start lock`)
  browser = await launchChromium()
  adminToken = await tokenFor(ADMIN)
  adminContext = await contextFor(ADMIN)
  page = await adminContext.newPage()
  page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`))
}, 600_000)

afterAll(async () => {
  await adminContext?.close().catch(() => undefined)
  await browser?.close().catch(() => undefined)
  const result = await server?.stop()
  if (result && result.code !== 0) console.log(`[e2e] bi dashboard: the app exited with ${result.code ?? result.signal}`)
  if (browserErrors.length > 0) console.log(`[e2e] bi dashboard: errors in the page:\n${browserErrors.join('\n')}`)
}, 60_000)

test("the admin home shows the headline figures and links to the dashboard", async () => {
  const p = tab()
  await p.goto('/admin')
  const widget = p.getByRole('region', { name: /Ringkasan bisnis/ })
  await widget.waitFor()
  const summary = await summaryFor(defaultQuery())
  await waitForText(`.jw-bi__widget ${figure('revenue')}`, formatRupiah(summary.revenue))
  // The nav entry is there for admins (the nav itself may be collapsed); the widget links to the view.
  await p.locator('a.jw-nav-link[href="/admin/bi"]').waitFor({ state: 'attached' })
  await widget.getByRole('link', { name: /Lihat analitik lengkap/ }).click()
  await p.waitForURL(/\/admin\/bi$/)
  await p.getByRole('heading', { name: 'Analitik bisnis', level: 1 }).waitFor()
}, 180_000)

test("draws every chart of the seeded data with the API's figures", async () => {
  const p = tab()
  await openDashboard()
  const query = defaultQuery()
  const summary = await summaryFor(query)
  expect(summary.revenue).toBeGreaterThan(0)
  await waitForText(figure('revenue'), formatRupiah(summary.revenue))
  await waitForText(figure('receivables'), formatRupiah(summary.receivables.amount))
  await waitForText(figure('new-clients'), String(summary.newClients))
  for (const chart of CHARTS) await p.locator(`[data-chart="${chart}"] .recharts-wrapper > svg.recharts-surface`).waitFor()
  // Bars are drawn, not just axes (stays in a status are seconds old in the seed: too short to see).
  for (const chart of CHARTS.filter((id) => id !== 'time-in-status')) await p.locator(`[data-chart="${chart}"] .recharts-bar-rectangle path`).first().waitFor()

  // The revenue table (figures as text) holds this month's revenue as the API gives it.
  const revenue = await api<RevenueReport>(reportPath('revenue', query), { token: adminToken })
  const thisMonth = revenue.body.series[revenue.body.series.length - 1]!
  await p.getByText('Tabel data: Pendapatan per periode').click()
  const lastRow = p.locator('[data-chart="revenue"] table').first().locator('tbody tr').last()
  expect((await lastRow.innerText()).replace(/\s+/g, ' ')).toContain(formatRupiah(thisMonth.revenue).replace(/\s+/g, ' '))
  await screenshot('bi-dashboard-desktop')

  // A phone: the charts shrink, nothing scrolls sideways.
  await p.setViewportSize({ width: 375, height: 900 })
  await p.reload()
  await p.locator('[data-chart="revenue"] .recharts-wrapper > svg.recharts-surface').waitFor()
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBe(0)
  await screenshot('bi-dashboard-375')
  await screenshot('bi-dashboard-375-top', false)
  await p.setViewportSize({ width: 1400, height: 1000 })
}, 240_000)

test('changing the range updates the address and the figures, and a reload keeps it', async () => {
  const p = tab()
  await openDashboard()
  const today = jakartaToday()

  await p.getByRole('button', { name: '30 hari' }).click()
  await p.waitForURL((url) => url.searchParams.get('from') === addDays(today, -29) && url.searchParams.get('granularity') === 'day')
  await waitForText(figure('revenue'), formatRupiah((await summaryFor({ from: addDays(today, -29), to: today, granularity: 'day' })).revenue))

  // A year before the business: nothing earned, and the chart says so instead of drawing zeros.
  await p.getByLabel('Dari').fill('2020-01-01')
  await p.getByLabel('Sampai').fill('2020-12-31')
  await p.getByLabel('Granularitas').selectOption('month')
  await p.getByRole('button', { name: 'Terapkan' }).click()
  await p.waitForURL((url) => url.searchParams.get('from') === '2020-01-01' && url.searchParams.get('to') === '2020-12-31')
  const empty = await summaryFor({ from: '2020-01-01', to: '2020-12-31', granularity: 'month' })
  await waitForText(figure('revenue'), formatRupiah(empty.revenue))
  await p.locator('[data-chart="revenue"]').getByText('Belum ada pendapatan pada rentang ini.').waitFor()

  await p.reload()
  await p.locator('[data-chart="revenue"]').getByText('Belum ada pendapatan pada rentang ini.').waitFor()
  await expect(p.getByLabel('Dari').inputValue()).resolves.toBe('2020-01-01')
}, 180_000)

test("refuses a bad range: the form's own check, and the server's message", async () => {
  const p = tab()
  await openDashboard(`?${searchFromQuery(defaultQuery())}`)
  const before = p.url()

  await p.getByLabel('Dari').fill('2026-05-01')
  await p.getByLabel('Sampai').fill('2026-01-01')
  await p.getByRole('button', { name: 'Terapkan' }).click()
  await p.getByRole('alert').filter({ hasText: 'Tanggal mulai harus sama dengan atau sebelum tanggal akhir.' }).waitFor()
  expect(p.url()).toBe(before)

  // Three years by day is more periods than the API draws: its 400 message reaches the admin.
  const tooLong = { from: '2020-01-01', to: jakartaToday(), granularity: 'day' as const }
  const refused = await api<{ errors: { message: string }[] }>(reportPath('revenue', tooLong), { token: adminToken })
  expect(refused.status).toBe(400)
  await p.getByLabel('Dari').fill(tooLong.from)
  await p.getByLabel('Sampai').fill(tooLong.to)
  await p.getByLabel('Granularitas').selectOption('day')
  await p.getByRole('button', { name: 'Terapkan' }).click()
  await p.getByRole('alert').filter({ hasText: refused.body.errors[0]!.message }).waitFor()
  await screenshot('bi-dashboard-refused')
}, 180_000)

test('the CSV link downloads the report as CSV for the range shown', async () => {
  const p = tab()
  const query = defaultQuery()
  await openDashboard(`?${searchFromQuery(query)}`)
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Pendapatan (CSV)' }).click()])
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  const expected = await api<string>(reportPath('revenue', query, 'csv'), { token: adminToken })
  expect(csv.split(/\r?\n/)[0]).toBe('period,revenue,invoices')
  expect(csv).toBe(expected.text)
  expect(download.suggestedFilename()).toBe(`jasaweb-revenue-${query.from}-${query.to}.csv`)
}, 120_000)

test('a payment landing refreshes the figures without a reload', async () => {
  const p = tab()
  const query = defaultQuery()
  await openDashboard()
  const before = await summaryFor(query)
  await waitForText(figure('revenue'), formatRupiah(before.revenue))
  await p.getByRole('status').filter({ hasText: 'koneksi langsung: tersambung' }).waitFor()
  await p.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))

  // Sari pays her unpaid invoice from her phone (the demo simulator plays Midtrans).
  const sari = await tokenFor(SARI)
  const unpaid = await api<{ docs: { id: number; amount: number }[] }>('/invoices?where[status][equals]=unpaid&depth=0', { token: sari })
  const invoice = unpaid.body.docs[0]
  if (!invoice) throw new Error('the seed gives Sari an unpaid invoice')
  expect((await api(`/invoices/${invoice.id}/pay`, { method: 'POST', token: sari })).status).toBe(201)
  expect((await api(`/invoices/${invoice.id}/simulate-payment`, { method: 'POST', token: sari })).status).toBe(200)

  const after = await summaryFor(query)
  expect(after.revenue).toBe(before.revenue + invoice.amount)
  await waitForText(figure('revenue'), formatRupiah(after.revenue))
  await waitForText(figure('receivables'), formatRupiah(after.receivables.amount))
  await p.locator('.jw-bi__live').filter({ hasText: 'Diperbarui otomatis' }).waitFor()
  await expect(p.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true)
}, 180_000)

test('with months of history, the forecast and its band continue the revenue chart, with the backtest MAPE', async () => {
  const p = tab()
  const today = jakartaToday()
  const budi = await api<{ docs: { id: number }[] }>('/users?where[email][equals]=budi%40sdharapan.sch.id&depth=0', { token: adminToken })
  const tiers = await api<{ docs: { id: number }[] }>('/pricing?limit=10&depth=0', { token: adminToken })
  // Six past months, each with one invoice paid mid-month (Jakarta): enough for a trend and a three-month backtest.
  for (let monthsAgo = 6; monthsAgo >= 1; monthsAgo -= 1) {
    const created = await api<{ doc: { id: number } }>('/projects', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({ name: `Riwayat ${monthsAgo}`, owner: budi.body.docs[0]!.id, type: 'sekolah', pricingTier: tiers.body.docs[monthsAgo % tiers.body.docs.length]!.id }),
    })
    expect(created.status).toBe(201)
    const invoices = await api<{ docs: { id: number }[] }>(`/invoices?where[project][equals]=${created.body.doc.id}&depth=0`, { token: adminToken })
    const paidAt = `${addMonths(today, -monthsAgo).slice(0, 7)}-15T05:00:00.000Z`
    const paid = await api(`/invoices/${invoices.body.docs[0]!.id}`, { method: 'PATCH', token: adminToken, body: JSON.stringify({ status: 'paid', paidAt }) })
    expect(paid.status).toBe(200)
  }
  const forecast = await api<ForecastReport>('/admin/bi/forecast?horizon=6', { token: adminToken })
  expect(forecast.body.forecast).toHaveLength(6)
  expect(forecast.body.backtest?.mape).not.toBeNull()

  await openDashboard(`?${searchFromQuery(defaultQuery())}`)
  const chart = p.locator('[data-chart="revenue"]')
  await chart.getByTestId('forecast-note').filter({ hasText: `MAPE ${formatPercent(forecast.body.backtest!.mape! / 100)}` }).waitFor()
  await chart.locator('.recharts-area-area').first().waitFor()
  await chart.locator('.recharts-line-curve').first().waitFor()
  await chart.getByText('Tabel data: Prakiraan pendapatan bulanan').click()
  const firstForecast = forecast.body.forecast[0]!
  const row = chart.locator('table').nth(1).locator('tbody tr').first()
  expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(formatRupiah(firstForecast.revenue).replace(/\s+/g, ' '))
  await screenshot('bi-dashboard-forecast')
}, 180_000)

test('an editor and a client see no figures: no link, no widget, the view refuses', async () => {
  for (const user of [EDITOR, SARI]) {
    const context = await contextFor(user)
    try {
      const p = await context.newPage()
      await p.goto('/admin/bi')
      await p.getByText('Hanya admin yang dapat melihat analitik bisnis.').waitFor()
      expect(await p.locator('.jw-bi').count()).toBe(0)
      expect(await p.getByRole('link', { name: 'Analitik bisnis' }).count()).toBe(0)
      const token = await tokenFor(user)
      expect((await api(reportPath('summary', defaultQuery()), { token })).status).toBe(403)
    } finally {
      await context.close()
    }
  }
  // The editor's admin home has no business summary.
  const editor = await contextFor(EDITOR)
  try {
    const p = await editor.newPage()
    await p.goto('/admin')
    // The widget would be rendered on the server with the dashboard itself.
    await p.locator('.dashboard').first().waitFor()
    expect(await p.getByRole('region', { name: /Ringkasan bisnis/ }).count()).toBe(0)
  } finally {
    await editor.close()
  }
}, 180_000)
