/**
 * Real-time load: N authenticated Socket.IO clients against the real app (`pnpm start` path:
 * Next, Payload and Socket.IO on one port, embedded Postgres) and, in the same run, N
 * clients against a bare Socket.IO server (bench/bareSocketServer.ts) as the baseline.
 *
 *   pnpm bench:realtime [clients=1000] [broadcasts=50] [targeted=500]
 *
 * Prints connect time, memory per connection (RSS and V8 heap of the server process: the
 * slope over readings taken as the clients connect in steps), broadcast latency p50/p99 (every client, from the server's timestamp of the
 * event to its arrival), targeted-event latency p50/p99 (app: REST status change → the
 * owner's socket; bare: an emit to one socket), and the app/bare ratios. Both servers and
 * the clients are on this machine; compare ratios, not absolute figures. Beyond ~1,000
 * clients raise `ulimit -n` (each client is a descriptor in this process and the server).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { io, type Socket } from 'socket.io-client'

import { startAppServer, type AppServer } from '../tests/helpers/appServer'
import { percentile } from './load'
import { NODE_TS_FLAGS } from '../lib/nodeFlags'

const clientCount = Number(process.argv[2] ?? 1000)
const broadcastCount = Number(process.argv[3] ?? 50)
const targetedCount = Number(process.argv[4] ?? 500)
const CONNECT_CONCURRENCY = 100
const FILLER_USERS = 20
const MEMORY_STEPS = 4
const PASSWORD = 'bench-12345'

type Figures = {
  memoryReadings: string
  connectSeconds: number
  connectP50: number
  connectP99: number
  connectErrors: number
  rssPerConnection: number
  heapPerConnection: number
  broadcastP50: number
  broadcastP99: number
  broadcastMissing: number
  targetedP50: number
  targetedP99: number
  targetedMissing: number
  extra: string[]
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0) * 1024
}

/**
 * A full garbage collection in another process, so RSS readings compare live memory rather
 * than wherever the collector happened to be: SIGUSR1 opens that process's inspector on
 * 127.0.0.1:9229, and HeapProfiler.collectGarbage runs over the DevTools protocol (the
 * global WebSocket: this script runs with --experimental-websocket).
 */
async function collectGarbage(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR1')
  let target: { webSocketDebuggerUrl: string } | undefined
  for (let attempt = 0; attempt < 50 && !target; attempt += 1) {
    target = await fetch('http://127.0.0.1:9229/json/list')
      .then(async (response) => ((await response.json()) as { webSocketDebuggerUrl: string }[])[0])
      .catch(() => undefined)
    if (!target) await sleep(100)
  }
  if (!target) throw new Error(`the inspector of process ${pid} did not open on 127.0.0.1:9229`)
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  const heapUsed = await new Promise<number>((resolve, reject) => {
    socket.onerror = () => reject(new Error('inspector connection failed'))
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }))
    socket.onmessage = (message) => {
      const reply = JSON.parse(String(message.data)) as { id?: number; result?: { usedSize?: number } }
      if (reply.id === 1) socket.send(JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }))
      if (reply.id === 2) resolve(reply.result?.usedSize ?? 0)
    }
  })
  socket.close()
  return heapUsed
}

/** Memory after full collections: the V8 heap in use, and RSS (the median of samples over three seconds). */
async function settledMemory(pid: number): Promise<{ rss: number; heap: number }> {
  await collectGarbage(pid)
  const heap = await collectGarbage(pid)
  const samples: number[] = []
  for (let index = 0; index < 15; index += 1) {
    await sleep(200)
    samples.push(rssOf(pid))
  }
  return { rss: sortedPercentiles(samples).p50, heap }
}

/** Connects and drops a batch first, so code paths and pools are warm before RSS is read. */
async function warmUp(url: string, authFor: (index: number) => Record<string, unknown> | undefined, readyEvent: string): Promise<void> {
  const warm = await connectAll(url, Math.min(200, clientCount), authFor, readyEvent)
  closeAll(warm.sockets)
  await sleep(2000)
}

function sortedPercentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

/** Opens `count` WebSocket clients, CONNECT_CONCURRENCY at a time; resolves when each has sent `readyEvent` (or failed). */
async function connectAll(url: string, count: number, authFor: (index: number) => Record<string, unknown> | undefined, readyEvent: string, offset = 0) {
  const sockets: Socket[] = new Array(count)
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, async () => {
      for (let index = next++; index < count; index = next++) {
        const t0 = performance.now()
        const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: authFor(offset + index), timeout: 30_000 })
        sockets[index] = socket
        const ok = await new Promise<boolean>((resolve) => {
          socket.once(readyEvent, () => resolve(true))
          socket.once('connect_error', () => resolve(false))
        })
        if (ok) latencies.push(performance.now() - t0)
        else errors += 1
      }
    }),
  )
  return { sockets, seconds: (performance.now() - started) / 1000, latencies, errors }
}

type Connected = { sockets: Socket[]; seconds: number; latencies: number[]; errors: number }

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length
  let covariance = 0
  let variance = 0
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY)
    variance += (point.x - meanX) ** 2
  }
  return variance > 0 ? covariance / variance : 0
}

/**
 * Connects the clients in MEMORY_STEPS equal steps and reads the server's settled memory
 * before the first and after each. Memory per connection is the least-squares slope over
 * those readings: one before/after difference on a 300 MB process moved by more than the
 * clients' own cost (it even came out negative), a slope over five points does not.
 */
async function connectMeasured(pid: number, url: string, authFor: (index: number) => Record<string, unknown> | undefined, readyEvent: string) {
  const connected: Connected = { sockets: [], seconds: 0, latencies: [], errors: 0 }
  const readings = [{ clients: 0, ...(await settledMemory(pid)) }]
  for (let step = 1; step <= MEMORY_STEPS; step += 1) {
    const from = Math.round((clientCount * (step - 1)) / MEMORY_STEPS)
    const to = Math.round((clientCount * step) / MEMORY_STEPS)
    const batch = await connectAll(url, to - from, authFor, readyEvent, from)
    connected.sockets.push(...batch.sockets)
    connected.latencies.push(...batch.latencies)
    connected.seconds += batch.seconds
    connected.errors += batch.errors
    await sleep(1000)
    readings.push({ clients: to, ...(await settledMemory(pid)) })
  }
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
  return {
    connected,
    memoryReadings: readings.map((reading) => `${reading.clients}: ${mib(reading.rss)}/${mib(reading.heap)}`).join(', '),
    rssPerConnection: slope(readings.map((reading) => ({ x: reading.clients, y: reading.rss }))),
    heapPerConnection: slope(readings.map((reading) => ({ x: reading.clients, y: reading.heap }))),
  }
}

/** Counts deliveries of `event` per key across sockets and records each one's latency. */
function deliveries<T>(sockets: Socket[], event: string, keyOf: (payload: T) => unknown, latencyOf: (payload: T, receivedAt: number) => number) {
  const counts = new Map<unknown, number>()
  const samples: number[] = []
  const waiters = new Map<unknown, () => void>()
  for (const socket of sockets) {
    socket.on(event, (payload: T) => {
      samples.push(latencyOf(payload, Date.now()))
      const key = keyOf(payload)
      counts.set(key, (counts.get(key) ?? 0) + 1)
      waiters.get(key)?.()
    })
  }
  return {
    samples,
    /** Resolves with how many of `expected` deliveries were missing after `timeoutMs`. */
    async waitFor(key: unknown, expected: number, timeoutMs = 15_000): Promise<number> {
      if ((counts.get(key) ?? 0) < expected) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs)
          waiters.set(key, () => {
            if ((counts.get(key) ?? 0) >= expected) {
              clearTimeout(timer)
              resolve()
            }
          })
        })
      }
      waiters.delete(key)
      return Math.max(0, expected - (counts.get(key) ?? 0))
    },
  }
}

type Run = {
  connected: Connected
  memoryReadings: string
  rssPerConnection: number
  heapPerConnection: number
  broadcastSamples: number[]
  broadcastMissing: number
  targetedSamples: number[]
  targetedMissing: number
  extra: string[]
}

function figuresOf(run: Run): Figures {
  const connect = sortedPercentiles(run.connected.latencies)
  const broadcast = sortedPercentiles(run.broadcastSamples)
  const targeted = sortedPercentiles(run.targetedSamples)
  return {
    connectSeconds: run.connected.seconds,
    connectP50: connect.p50,
    connectP99: connect.p99,
    connectErrors: run.connected.errors,
    memoryReadings: run.memoryReadings,
    rssPerConnection: run.rssPerConnection,
    heapPerConnection: run.heapPerConnection,
    broadcastP50: broadcast.p50,
    broadcastP99: broadcast.p99,
    broadcastMissing: run.broadcastMissing,
    targetedP50: targeted.p50,
    targetedP99: targeted.p99,
    targetedMissing: run.targetedMissing,
    extra: run.extra,
  }
}

function closeAll(sockets: Socket[]): void {
  for (const socket of sockets) socket?.close()
}

async function benchBare(): Promise<Figures> {
  const child = spawn(process.execPath, [...NODE_TS_FLAGS, 'bench/bareSocketServer.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /ready (\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`bare server exited ${code}`)))
  })
  const url = `http://127.0.0.1:${port}`
  try {
    const control = (await connectAll(url, 1, () => undefined, 'connect')).sockets[0]!
    await warmUp(url, () => undefined, 'connect')
    const { connected, memoryReadings, rssPerConnection, heapPerConnection } = await connectMeasured(child.pid!, url, () => undefined, 'connect')

    const broadcast = deliveries<{ id: number; timestamp: number }>(connected.sockets, 'tick', (tick) => tick.id, (tick, at) => at - tick.timestamp)
    let broadcastMissing = 0
    for (let seq = 0; seq < broadcastCount; seq += 1) {
      control.emit('bench:broadcast', seq)
      broadcastMissing += await broadcast.waitFor(seq, clientCount)
    }

    // Targeted: one socket, timed from the request that makes the server emit to it.
    const target = connected.sockets[0]!
    const targetedSamples: number[] = []
    let targetedMissing = 0
    for (let index = 0; index < targetedCount; index += 1) {
      const seq = 1_000_000 + index
      const t0 = performance.now()
      const arrived = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000)
        const onTick = (tick: { id: number }) => {
          if (tick.id !== seq) return
          clearTimeout(timer)
          target.off('tick', onTick)
          resolve(performance.now())
        }
        target.on('tick', onTick)
      })
      control.emit('bench:target', target.id, seq)
      const at = await arrived
      if (at === null) targetedMissing += 1
      else targetedSamples.push(at - t0)
    }
    closeAll([control, ...connected.sockets])
    return figuresOf({ connected, memoryReadings, rssPerConnection, heapPerConnection, broadcastSamples: broadcast.samples, broadcastMissing, targetedSamples, targetedMissing, extra: [] })
  } finally {
    child.kill('SIGTERM')
  }
}

async function benchApp(app: AppServer): Promise<Figures> {
  const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${app.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of several endpoints, read field by field below
    const body = (await response.json()) as Record<string, any>
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`)
    return body
  }
  const login = async (email: string, password: string) => (await api('/users/login', { method: 'POST', body: { email, password } })).token as string
  const wsToken = async (jwt: string) => (await api('/websocket/token', { token: jwt })).token as string
  try {
    const admin = await login('admin@jasaweb.id', 'admin12345')
    console.log(`preparing ${FILLER_USERS} client accounts and a target project…`)
    const tokens: string[] = []
    let targetUserId = 0
    for (let index = 0; index <= FILLER_USERS; index += 1) {
      const email = `bench${index}.${Date.now()}@bench.jasaweb.id`
      const created = await api('/users', { method: 'POST', token: admin, body: { email, password: PASSWORD, name: `Bench ${index}`, role: 'client' } })
      targetUserId = created.doc.id as number
      tokens.push(await wsToken(await login(email, PASSWORD)))
    }
    // The last account is the target: one socket, its own project.
    const targetToken = tokens.pop()!
    const tier = ((await api('/pricing?limit=1')).docs as { id: number }[])[0]!
    // One project per two transitions (in_progress → review → in_progress), so no project's
    // status history grows past what a real one has (Payload rewrites the history on each save).
    const projects: number[] = []
    for (let index = 0; index < Math.ceil(targetedCount / 2); index += 1) {
      const { doc } = await api('/projects', { method: 'POST', token: admin, body: { name: `Bench target ${index}`, owner: targetUserId, type: 'sekolah', pricingTier: tier.id } })
      await api(`/projects/${doc.id}?depth=0`, { method: 'PATCH', token: admin, body: { status: 'in_progress' } })
      projects.push(doc.id as number)
    }

    const fillerAuth = (index: number) => ({ token: tokens[index % tokens.length] })
    await warmUp(app.url, fillerAuth, 'realtime:ready')
    // The target's single socket is the last one; the others share the filler accounts.
    const { connected, memoryReadings, rssPerConnection, heapPerConnection } = await connectMeasured(app.pid, app.url, (index) => (index === clientCount - 1 ? { token: targetToken } : fillerAuth(index)), 'realtime:ready')

    type Event = { id: number; timestamp: string; payload: { data: Record<string, unknown> } }
    // Arrival times per announcement: the events can arrive before the POST's response.
    const arrivals = new Map<unknown, number[]>()
    const endToEnd: number[] = []
    const broadcast = deliveries<Event>(
      connected.sockets,
      'system_notification',
      (event) => event.payload.data.announcementId,
      (event, at) => {
        const key = event.payload.data.announcementId
        // Appended in place: copying the list on every arrival was quadratic (50 M copies
        // per broadcast at 10,000 clients), time this process then lacked for parsing frames.
        const seen = arrivals.get(key)
        if (seen) seen.push(at)
        else arrivals.set(key, [at])
        return at - Date.parse(event.timestamp)
      },
    )
    let broadcastMissing = 0
    for (let seq = 0; seq < broadcastCount; seq += 1) {
      const started = Date.now()
      const { doc } = await api('/websocket/broadcast', { method: 'POST', token: admin, body: { title: `Bench ${seq}`, body: 'Uji beban', priority: 'low', audience: 'clients' } })
      broadcastMissing += await broadcast.waitFor(doc.id, clientCount)
      for (const at of arrivals.get(doc.id) ?? []) endToEnd.push(at - started)
    }
    const broadcastEndToEnd = sortedPercentiles(endToEnd)

    const target = connected.sockets[clientCount - 1]!
    const targetedSamples: number[] = []
    const patchSamples: number[] = []
    let targetedMissing = 0
    for (let index = 0; index < targetedCount; index += 1) {
      const projectId = projects[Math.floor(index / 2)]!
      const to = index % 2 === 0 ? 'review' : 'in_progress'
      const t0 = performance.now()
      // Resolves with the arrival time, which may come before the PATCH's response.
      const arrived = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000)
        const onUpdate = (event: Event) => {
          if (event.payload.data.projectId !== projectId || event.payload.data.to !== to) return
          clearTimeout(timer)
          target.off('project_update', onUpdate)
          resolve(performance.now())
        }
        target.on('project_update', onUpdate)
      })
      await api(`/projects/${projectId}?depth=0`, { method: 'PATCH', token: admin, body: { status: to } })
      patchSamples.push(performance.now() - t0)
      const at = await arrived
      if (at === null) targetedMissing += 1
      else targetedSamples.push(at - t0)
    }
    const patch = sortedPercentiles(patchSamples)
    const status = await api('/admin/websocket/status', { token: admin })
    closeAll(connected.sockets)
    return figuresOf({
      connected,
      memoryReadings,
      rssPerConnection,
      heapPerConnection,
      broadcastSamples: broadcast.samples,
      broadcastMissing,
      targetedSamples,
      targetedMissing,
      extra: [
        `app REST PATCH /api/projects/:id?depth=0 response (the same requests): p50 ${patch.p50.toFixed(1)} ms, p99 ${patch.p99.toFixed(1)} ms`,
        `app broadcast end to end (POST /api/websocket/broadcast → every socket): p50 ${broadcastEndToEnd.p50.toFixed(1)} ms, p99 ${broadcastEndToEnd.p99.toFixed(1)} ms`,
        `app status endpoint saw ${status.totals.connections} connections of ${status.totals.users} users`,
      ],
    })
  } finally {
    await app.stop()
  }
}

// The app starts first (it may build), then idles while the baseline runs: each phase
// starts with a fresh set of clients in this process, and the app's figures are not the
// ones that run after a thousand sockets were closed here.
console.log('starting the app (embedded Postgres, fresh data folder)…')
const appServer = await startAppServer({
  env: { REALTIME_MAX_CONNECTIONS_PER_IP: String(clientCount + 1000), REALTIME_IDLE_TIMEOUT_MS: '0', DATABASE_POOL_MAX: '20', LOG_LEVEL: 'error' },
})
console.log(`app ready in ${(appServer.readyMs / 1000).toFixed(1)} s${appServer.built ? ' (built first)' : ''}`)
console.log('the bare Socket.IO baseline…')
const bare = await benchBare()
console.log('the app…')
const app = await benchApp(appServer)

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a')
const ms = (value: number) => `${value.toFixed(1)} ms`
const rows: [string, string, string, string][] = [
  [`connect ${clientCount} clients (wall)`, `${bare.connectSeconds.toFixed(2)} s`, `${app.connectSeconds.toFixed(2)} s`, ratio(app.connectSeconds, bare.connectSeconds)],
  ['connect p50 per client', ms(bare.connectP50), ms(app.connectP50), ratio(app.connectP50, bare.connectP50)],
  ['connect p99 per client', ms(bare.connectP99), ms(app.connectP99), ratio(app.connectP99, bare.connectP99)],
  ['RSS per connection (slope, full GCs)', `${(bare.rssPerConnection / 1024).toFixed(1)} KiB`, `${(app.rssPerConnection / 1024).toFixed(1)} KiB`, ratio(app.rssPerConnection, bare.rssPerConnection)],
  ['V8 heap per connection (slope, full GCs)', `${(bare.heapPerConnection / 1024).toFixed(1)} KiB`, `${(app.heapPerConnection / 1024).toFixed(1)} KiB`, ratio(app.heapPerConnection, bare.heapPerConnection)],
  [`broadcast p50 (${broadcastCount}×)`, ms(bare.broadcastP50), ms(app.broadcastP50), ratio(app.broadcastP50, bare.broadcastP50)],
  [`broadcast p99 (${broadcastCount}×)`, ms(bare.broadcastP99), ms(app.broadcastP99), ratio(app.broadcastP99, bare.broadcastP99)],
  [`targeted p50 (${targetedCount}×)`, ms(bare.targetedP50), ms(app.targetedP50), ratio(app.targetedP50, bare.targetedP50)],
  [`targeted p99 (${targetedCount}×)`, ms(bare.targetedP99), ms(app.targetedP99), ratio(app.targetedP99, bare.targetedP99)],
  ['errors (connect / missed deliveries)', `${bare.connectErrors} / ${bare.broadcastMissing + bare.targetedMissing}`, `${app.connectErrors} / ${app.broadcastMissing + app.targetedMissing}`, ''],
]
console.log('')
console.log(`${'figure'.padEnd(38)} ${'bare Socket.IO'.padStart(15)} ${'JasaWeb app'.padStart(15)} ${'app/bare'.padStart(9)}`)
for (const [name, bareValue, appValue, ratioValue] of rows) console.log(`${name.padEnd(38)} ${bareValue.padStart(15)} ${appValue.padStart(15)} ${ratioValue.padStart(9)}`)
console.log('')
console.log('targeted: app = REST PATCH of a project status → project_update on the owner socket; bare = a request to emit to one socket.')
console.log('broadcast: from the server timestamp of the event to its arrival at each client (app: an admin broadcast, stored then emitted).')
console.log(`memory readings (clients: RSS/heap MiB after full GCs): bare ${bare.memoryReadings}; app ${app.memoryReadings}`)
for (const line of app.extra) console.log(line)
process.exit(0)
