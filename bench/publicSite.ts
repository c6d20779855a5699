/**
 * The public site and the portal under load and under Lighthouse, against a production build
 * of the real app (`pnpm start` path, fresh embedded Postgres, demo seed).
 *
 *   pnpm bench:site [seconds=10] [connections=50]
 *
 * 1. autocannon at the given concurrency on `/` and `/blog/<slug>`, beside `GET /robots.txt`
 *    (a route that renders nothing from the database) in the same run: requests/s, p50, p99,
 *    non-2xx, and the ratio to the baseline.
 * 2. Lighthouse (mobile settings, Debian's chromium) on `/`, `/harga`, `/blog/<slug>` and the
 *    portal dashboard as the seeded client: performance, accessibility, best-practices and SEO
 *    scores, LCP, total blocking time, and the first-load JavaScript (gzip, as transferred).
 */
import autocannon from 'autocannon'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { startAppServer } from '../tests/helpers/appServer'

const seconds = Number(process.argv[2] ?? 10)
const connections = Number(process.argv[3] ?? 50)
const POST_SLUG = 'lima-hal-yang-wajib-ada-di-website-sekolah'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

type Load = { path: string; perSecond: number; p50: number; p99: number; non2xx: number; errors: number }

async function load(url: string, path: string): Promise<Load> {
  const result = await autocannon({ url: `${url}${path}`, connections, duration: seconds })
  return { path, perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors }
}

type Audit = { path: string; performance: number; accessibility: number; bestPractices: number; seo: number; lcpMs: number; tbtMs: number; scriptKiB: number }

async function audit(url: string, path: string, port: number, headers?: Record<string, string>): Promise<Audit> {
  const result = await lighthouse(`${url}${path}`, { port, output: 'json', logLevel: 'error', formFactor: 'mobile', extraHeaders: headers, onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] })
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
  const { categories, audits } = result.lhr
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
  // First-load JS: every script the page downloaded before it settled, as transferred (gzip).
  const requests = (audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? []
  const scriptBytes = requests.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + (item.transferSize ?? 0), 0)
  return {
    path,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    scriptKiB: scriptBytes / 1024,
  }
}

console.log('starting the app (production build, fresh embedded Postgres)…')
const app = await startAppServer()
console.log(`ready in ${(app.readyMs / 1000).toFixed(1)} s${app.built ? ' (built first)' : ''}`)
try {
  const paths = ['/robots.txt', '/', `/blog/${POST_SLUG}`]
  // Warm: the first visit of a post renders and caches it (ISR).
  for (const path of paths) for (let i = 0; i < 5; i += 1) await fetch(`${app.url}${path}`).then((response) => response.arrayBuffer())

  const loads: Load[] = []
  for (const path of paths) loads.push(await load(app.url, path))
  const [baseline] = loads
  console.log('')
  console.log(`autocannon, ${connections} connections, ${seconds} s each`)
  console.log('path'.padEnd(52), 'req/s'.padStart(8), 'p50'.padStart(8), 'p99'.padStart(8), 'non-2xx'.padStart(8), 'errors'.padStart(7), 'vs baseline'.padStart(12))
  for (const row of loads) {
    const ratio = row === baseline ? '' : `${(row.perSecond / baseline!.perSecond).toFixed(2)}×`
    console.log(row.path.padEnd(52), row.perSecond.toFixed(0).padStart(8), `${row.p50} ms`.padStart(8), `${row.p99} ms`.padStart(8), String(row.non2xx).padStart(8), String(row.errors).padStart(7), ratio.padStart(12))
  }

  const login = await fetch(`${app.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'budi@sdharapan.sch.id', password: 'klien12345' }) })
  const { token } = (await login.json()) as { token: string }
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS })
  try {
    const audits: Audit[] = []
    for (const path of ['/', '/harga', `/blog/${POST_SLUG}`]) audits.push(await audit(app.url, path, chrome.port))
    audits.push(await audit(app.url, '/portal', chrome.port, { Authorization: `JWT ${token}` }))
    console.log('')
    console.log('Lighthouse, mobile')
    console.log('page'.padEnd(52), 'perf'.padStart(5), 'a11y'.padStart(5), 'bp'.padStart(5), 'seo'.padStart(5), 'LCP'.padStart(9), 'TBT'.padStart(8), 'JS gzip'.padStart(10))
    for (const row of audits) {
      console.log(row.path.padEnd(52), String(row.performance).padStart(5), String(row.accessibility).padStart(5), String(row.bestPractices).padStart(5), String(row.seo).padStart(5), `${row.lcpMs.toFixed(0)} ms`.padStart(9), `${row.tbtMs.toFixed(0)} ms`.padStart(8), `${row.scriptKiB.toFixed(1)} KiB`.padStart(10))
    }
    const floor = frameworkFloorKiB()
    console.log('')
    console.log(`Next's and React's runtime, which every App Router page loads before its own code: ${floor.toFixed(1)} KiB gzip`)
    console.log(`(rootMainFiles of .next/build-manifest.json, gzipped here; each page's own JS is its figure above minus this)`)
  } finally {
    await chrome.kill()
  }
} finally {
  await app.stop()
}

/** The scripts the build says every page loads first (the framework), gzip-compressed. */
function frameworkFloorKiB(): number {
  const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] }
  const bytes = manifest.rootMainFiles.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join('.next', file))).length, 0)
  return bytes / 1024
}
