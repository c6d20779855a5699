/**
 * BI summary: the SQL aggregations behind GET /api/admin/bi/summary on a realistic volume,
 * cold and cached, beside the same figures computed in JS from loaded rows, in one run.
 *
 *   pnpm bench:bi [invoices=100000] [projects=20000] [users=10000] [cold=30] [cached=1000] [js=10]
 *
 * Starts a fresh embedded PostgreSQL, applies the committed migrations, writes the rows in
 * bulk SQL (bench/biData.ts), then starts Payload in this process. Timed in-process:
 * buildReport + cachedReport as the endpoint calls them (cold: the cache emptied before each
 * call, the per-day rollups kept; cached: a warm hit; first read: the rollups emptied too, so
 * every day of the range is computed from the tables), and the endpoint through Payload's REST route handler with an
 * admin's JWT (the path a request takes inside Next, without the socket and Next's router:
 * the built app cannot be started beside this). The JS baseline loads the columns the
 * summary reads and counts them (bench/biSummaryInJs.ts); both must give the same body
 * before anything is timed. Prints p50/p99 of each, the ratios, a per-figure breakdown and
 * the goals (cold ≤ 50 ms, cached ≤ 2 ms). Medians: the machine is shared and noisy.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from '../db/embeddedPostgres'
import { generateBiData } from './biData'
import { percentile } from './load'
import { appCpu } from './processCpu'
import { NODE_TS_FLAGS } from '../lib/nodeFlags'

const [invoices = 100_000, projects = 20_000, users = 10_000, coldRuns = 30, cachedRuns = 1000, jsRuns = 10] = process.argv.slice(2).map(Number)
const HTTP_CACHED_RUNS = Math.min(cachedRuns, 300)
const FIGURE_RUNS = 10
const FIRST_READ_RUNS = 10

type Sample = { name: string; runs: number; p50: number; p99: number; note?: string }

async function sample(runs: number, run: () => Promise<unknown>, before?: () => unknown): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < runs; index += 1) {
    await before?.()
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}
const summarize = (name: string, times: number[], note?: string): Sample => ({ name, runs: times.length, p50: percentile(times, 50), p99: percentile(times, 99), note })
const ms = (value: number) => (value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(1)} ms`)
const median = (times: number[]) => percentile([...times].sort((a, b) => a - b), 50)

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-bench-bi-'))
// The embedded server runs as the postgres user when we are root: it must reach the folder.
fs.chmodSync(workDir, 0o755)
console.log('starting a fresh embedded PostgreSQL…')
// fsync off: the benchmark reads; the bulk load need not survive a crash.
const dataDir = path.join(workDir, 'postgres')
const database = await startEmbeddedPostgres({ dataDir, database: 'jasaweb_bench', persistent: false, durable: false })
let stopPayload: () => Promise<void> = async () => undefined
try {
  const childEnv = { ...process.env, DATABASE_URL: database.url, DATA_DIR: workDir, LOG_LEVEL: 'warn' }
  execFileSync(process.execPath, [...NODE_TS_FLAGS, 'scripts/migrate.ts'], { stdio: 'inherit', env: childEnv })

  console.log(`generating ${users.toLocaleString('en')} users, ${projects.toLocaleString('en')} projects, ${invoices.toLocaleString('en')} invoices in SQL…`)
  const generatedAt = new Date()
  const client = new pg.Client({ connectionString: database.url })
  // A failed statement must surface as itself, not as the connection dying when Postgres stops.
  client.on('error', () => undefined)
  await client.connect()
  const loadStarted = performance.now()
  const counts = await generateBiData(client, { users, projects, invoices }, generatedAt).finally(() => client.end())
  console.log(`  in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([name, count]) => `${count.toLocaleString('en')} ${name}`).join(', ')}`)

  // Payload in this process, on the bench database (as the test harness does).
  process.env.DATA_DIR = workDir
  process.env.LOG_LEVEL = 'warn'
  const { useDatabaseUrl } = await import('../lib/env')
  useDatabaseUrl(database.url)
  const { loadPayload } = await import('../db/loadPayload')
  const payload = await loadPayload()
  const { closePayloadPool } = await import('../db/closePayloadPool')
  stopPayload = () => closePayloadPool(payload)
  // After Payload: these pull in its packages (db/loadPayload.ts says why).
  const { biCacheKey, cachedReport, invalidateBiCache } = await import('../bi/biCache')
  const { biQuerySchema } = await import('../bi/biParams')
  const { buildReport } = await import('../bi/biReportBuilders')
  const figures = await import('../bi/biReports')
  const { dailyFigures, fillRollups } = await import('../bi/biRollups')
  const { sqlExecutor } = await import('../db/sqlExecutor')
  const { loadSummaryRows, summaryFromRows } = await import('./biSummaryInJs')
  const { createApi } = await import('../tests/helpers/api')

  const db = await sqlExecutor(payload)
  const query = biQuerySchema.parse({})
  const now = new Date()
  const key = biCacheKey('summary', query.from, query.to, query.granularity)
  const summary = () => cachedReport(key, () => buildReport('summary', db, query, now))

  // The same numbers, or nothing is worth timing.
  const fromSql = (await buildReport('summary', db, query, now)).body
  const fromJs = summaryFromRows(await loadSummaryRows(db), query, now)
  const agree = isDeepStrictEqual(fromSql, fromJs)
  console.log(`\nsummary of ${query.from} … ${query.to} by ${query.granularity}: SQL and JS ${agree ? 'give the same body' : 'DIFFER'}`)
  console.log(`  revenue Rp ${Number(fromSql.revenue).toLocaleString('en')} from ${String(fromSql.paidInvoices)} paid invoices, receivables ${JSON.stringify(fromSql.receivables)}, conversion ${JSON.stringify(fromSql.conversion)}`)
  if (!agree) {
    console.log(`  SQL: ${JSON.stringify(fromSql)}\n  JS:  ${JSON.stringify(fromJs)}`)
    process.exitCode = 1
  }

  // Warm the connections and the plans, then time.
  await sample(3, summary, invalidateBiCache)
  // The last cold call leaves the entry the cached ones hit. CPU too, PostgreSQL's and this
  // process's: on a shared machine the wall time is mostly waiting for a core.
  const postgresCpu = () => [...appCpu(-1, dataDir).values()].reduce((sum, proc) => sum + proc.seconds, 0)
  const cpuBefore = { postgres: postgresCpu(), node: process.cpuUsage() }
  const cold = await sample(coldRuns, summary, invalidateBiCache)
  const node = process.cpuUsage(cpuBefore.node)
  const coldCpu = { postgres: ((postgresCpu() - cpuBefore.postgres) * 1000) / coldRuns, node: (node.user + node.system) / 1000 / coldRuns }
  const cached = await sample(cachedRuns, summary)
  // The first report after the rollups are emptied (as after a bulk import): it computes every day of the range.
  const { sql } = await import('@payloadcms/db-postgres')
  const emptyRollups = async () => {
    invalidateBiCache()
    await db.execute(sql`DELETE FROM bi_days`)
  }
  const firstRead = await sample(FIRST_READ_RUNS, summary, emptyRollups)
  const loadTimes: number[] = []
  const computeTimes: number[] = []
  const js = await sample(jsRuns + 1, async () => {
    const started = performance.now()
    const rows = await loadSummaryRows(db)
    const loaded = performance.now()
    summaryFromRows(rows, query, now)
    loadTimes.push(loaded - started)
    computeTimes.push(performance.now() - loaded)
  })
  js.splice(js.indexOf(Math.max(...js)), 1)

  // The endpoint through Payload's REST route handler, as an admin.
  const admin = await payload.create({ collection: 'users', data: { email: 'bench-admin@jasaweb.id', password: 'bench-admin-123', name: 'Bench Admin', role: 'admin' }, overrideAccess: true })
  const api = createApi(payload.config)
  const token = await api.login(admin.email, 'bench-admin-123')
  const viaHandler = async (expectCached: boolean) => {
    const response = await api.rest('GET', '/admin/bi/summary', { token })
    if (response.status !== 200 || response.body.cached !== expectCached) throw new Error(`GET /api/admin/bi/summary: ${response.status} cached=${String(response.body.cached)}`)
  }
  await sample(3, () => viaHandler(false), invalidateBiCache)
  const httpCold = await sample(coldRuns, () => viaHandler(false), invalidateBiCache)
  const httpCached = await sample(HTTP_CACHED_RUNS, () => viaHandler(true))

  // Which aggregation the cold time goes to: each alone, one after another.
  const daily = await dailyFigures(db, query)
  if (!daily.fromRollups) throw new Error('the rollups are incomplete with no writer running')
  const breakdown: [string, () => Promise<unknown>][] = [
    ['fillRollups (all days there)', () => fillRollups(db, query)],
    ['revenueSeries', () => daily.revenueSeries()],
    ['receivables', () => figures.receivables(db, now)],
    ['conversion', () => figures.conversion(db, query)],
    ['projectCounts', () => figures.projectCounts(db)],
    ['timeInStatus', () => daily.timeInStatus(now)],
    ['topPricingTiers', () => daily.topPricingTiers()],
    ['userGrowth', () => figures.userGrowth(db, query)],
    ['revenueSeries from the tables', () => figures.revenueSeries(db, query)],
    ['timeInStatus from the tables', () => figures.timeInStatus(db, query, now)],
    ['topPricingTiers from the tables', () => figures.topPricingTiers(db, query)],
  ]
  const figureTimes = []
  for (const [name, run] of breakdown) figureTimes.push({ name, p50: median(await sample(FIGURE_RUNS, run)) })

  const rows: Sample[] = [
    summarize('SQL, cold (cache emptied each time)', cold),
    summarize('SQL, cached (warm hit)', cached),
    summarize('REST route handler, cold', httpCold),
    summarize('REST route handler, cached', httpCached),
    summarize('JS over loaded rows', js, `load p50 ${ms(median(loadTimes))}, count p50 ${ms(median(computeTimes))}`),
    summarize('SQL, first read after rollups emptied', firstRead, 'computes every day of the range'),
  ]
  console.log(`\n${counts.invoices.toLocaleString('en')} invoices, ${counts.projects.toLocaleString('en')} projects, ${counts.users.toLocaleString('en')} users; bi/summary over ${query.from} … ${query.to} by ${query.granularity}\n`)
  console.log(`${'path'.padEnd(40)} ${'runs'.padStart(5)} ${'p50'.padStart(11)} ${'p99'.padStart(11)}`)
  for (const row of rows) console.log(`${row.name.padEnd(40)} ${String(row.runs).padStart(5)} ${ms(row.p50).padStart(11)} ${ms(row.p99).padStart(11)}${row.note ? `   ${row.note}` : ''}`)
  const [sqlCold, sqlCached, , , jsRow] = rows as [Sample, Sample, Sample, Sample, Sample]
  console.log(`\nJS / SQL cold:      p50 ${(jsRow.p50 / sqlCold.p50).toFixed(1)}×   p99 ${(jsRow.p99 / sqlCold.p99).toFixed(1)}×`)
  console.log(`SQL cold / cached:  p50 ${(sqlCold.p50 / sqlCached.p50).toFixed(0)}×`)
  console.log(`CPU per cold summary: PostgreSQL ${ms(coldCpu.postgres)}, Node ${ms(coldCpu.node)} (mean of ${coldRuns}; /proc ticks are 10 ms)`)
  console.log(`goals: cold p50 ${ms(sqlCold.p50)} ≤ 50 ms ${sqlCold.p50 <= 50 ? 'met' : 'NOT met'}; cached p50 ${ms(sqlCached.p50)} ≤ 2 ms ${sqlCached.p50 <= 2 ? 'met' : 'NOT met'} (through the route handler: ${ms(median(httpCold))} cold, ${ms(median(httpCached))} cached)`)
  console.log(`\neach aggregation alone, p50 of ${FIGURE_RUNS} (the summary runs them together on the pool):`)
  for (const figure of figureTimes) console.log(`  ${figure.name.padEnd(32)} ${ms(figure.p50).padStart(10)}`)
} finally {
  await stopPayload()
  await database.stop()
  fs.rmSync(workDir, { recursive: true, force: true })
}
process.exit(process.exitCode ?? 0)
