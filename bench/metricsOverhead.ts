/**
 * What the performance recording costs a request: a trivial handler on a plain node:http
 * server, with and without the metrics middleware, in the same run.
 *
 *   pnpm bench:metrics [rounds=6] [seconds=5] [connections=10]
 *
 * Three child processes, each one server: `plain` answers a trivial JSON body; `metrics` is
 * the same handler wrapped by the real middleware (performance/recordRequest.ts, what
 * server.ts uses) with what the server runs beside it: the event-loop delay monitor and the
 * minute roll-up (METRICS_TOKEN unset); `prometheus` adds the Prometheus registry with Node's
 * default metrics, fed on every request (METRICS_TOKEN set). Each round runs the three in
 * turn, in an order that rotates, so drift on this shared machine hits all alike; autocannon
 * runs in this process on keep-alive connections, paths `/api/projects/<id>` over 1,000 ids
 * (the route normalisation does real work). No Next and no database: the handler is trivial
 * on purpose, so the overhead ratio is the worst case; behind Next a request costs
 * milliseconds and the same microseconds weigh far less. Goal: at most 5 % fewer requests/s.
 * The server processes report their CPU time around each round: CPU per request is the
 * steadier figure when other work shares the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { NODE_TS_FLAGS } from '../lib/nodeFlags'
import { median } from './load'

type Mode = 'plain' | 'metrics' | 'prometheus'
const MODES: readonly Mode[] = ['plain', 'metrics', 'prometheus']

async function serve(mode: Mode): Promise<void> {
  const trivial = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true}')
  }
  let handler = trivial
  if (mode !== 'plain') {
    const { withRequestMetrics } = await import('../performance/recordRequest')
    const { promMetrics } = await import('../performance/promMetrics')
    const { rollUpMinute } = await import('../performance/rollUpMinute')
    const { performanceState, takeMinute } = await import('../performance/performanceState')
    const { LOOP_RESOLUTION_MS, readGauges } = await import('../performance/performanceMonitor')
    // As in server.ts: the Prometheus registry exists only when METRICS_TOKEN is set.
    if (mode === 'prometheus') promMetrics()
    const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
    loop.enable()
    setInterval(() => {
      rollUpMinute(takeMinute(Date.now()), readGauges(loop), performanceState().instanceId)
      loop.reset()
    }, 60_000).unref()
    handler = withRequestMetrics(trivial)
  }
  const server = http.createServer(handler)
  server.keepAliveTimeout = 65_000
  // The parent asks for this process's CPU time around each round: CPU per request is steadier than req/s on a shared machine.
  process.on('message', () => process.send?.({ cpu: process.cpuUsage() }))
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }))
}

async function startChild(mode: Mode): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...NODE_TS_FLAGS, fileURLToPath(import.meta.url), '--serve', mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port))
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)))
  })
  return { child, url: `http://127.0.0.1:${port}` }
}

type Round = { perSecond: number; p50: number; p99: number; failures: number; cpuMicrosPerRequest: number }

function cpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => {
      const { cpu } = message as { cpu: NodeJS.CpuUsage }
      resolve(cpu.user + cpu.system)
    })
    child.send('cpu')
  })
}

async function round({ child, url }: { child: ChildProcess; url: string }, seconds: number, connections: number): Promise<Round> {
  const cpuBefore = await cpuMicros(child)
  let next = 0
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/projects/${next++ % 1000}?depth=0` }) }],
  })
  const cpu = (await cpuMicros(child)) - cpuBefore
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts, cpuMicrosPerRequest: cpu / result.requests.total }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 6)
  const seconds = Number(process.argv[3] ?? 5)
  const connections = Number(process.argv[4] ?? 10)
  const servers = { plain: await startChild('plain'), metrics: await startChild('metrics'), prometheus: await startChild('prometheus') }
  const results: Record<Mode, Round[]> = { plain: [], metrics: [], prometheus: [] }
  try {
    // One short warm-up each (JIT, connection setup), not counted.
    for (const mode of MODES) await round(servers[mode], 1, connections)
    for (let index = 1; index <= rounds; index++) {
      // The order turns every round, so no mode always runs right after the same one.
      for (const mode of MODES.map((_, offset) => MODES[(index + offset) % MODES.length]!)) {
        const result = await round(servers[mode], seconds, connections)
        results[mode].push(result)
        console.log(`round ${index} ${mode.padEnd(10)} ${result.perSecond.toFixed(0).padStart(7)} req/s   p50 ${result.p50} ms   p99 ${result.p99} ms   ${result.cpuMicrosPerRequest.toFixed(1)} µs CPU/request   ${result.failures} failed`)
      }
    }
  } finally {
    for (const { child } of Object.values(servers)) child.kill()
  }
  const summary = (mode: Mode) => ({
    perSecond: median(results[mode].map((r) => r.perSecond)),
    p50: median(results[mode].map((r) => r.p50)),
    p99: median(results[mode].map((r) => r.p99)),
    cpu: median(results[mode].map((r) => r.cpuMicrosPerRequest)),
  })
  console.log(`\nmedians of ${rounds} rounds of ${seconds} s, ${connections} connections (autocannon latency has 1 ms resolution):`)
  const plain = summary('plain')
  for (const mode of MODES) {
    const figures = summary(mode)
    console.log(`${mode.padEnd(10)} ${figures.perSecond.toFixed(0).padStart(7)} req/s   p50 ${figures.p50} ms   p99 ${figures.p99} ms   ${figures.cpu.toFixed(1)} µs CPU/request`)
  }
  for (const mode of ['metrics', 'prometheus'] as const) {
    // Each round against the plain one of the same round: neighbours share the machine's mood.
    const throughput = median(results[mode].map((r, index) => r.perSecond / results.plain[index]!.perSecond))
    const cpu = median(results[mode].map((r, index) => r.cpuMicrosPerRequest / results.plain[index]!.cpuMicrosPerRequest))
    console.log(
      `${mode.padEnd(10)} overhead (medians of paired rounds): throughput ${((1 - throughput) * 100).toFixed(1)} % lower (${throughput.toFixed(3)}×), CPU per request ${((cpu - 1) * 100).toFixed(1)} % higher (+${(summary(mode).cpu - plain.cpu).toFixed(2)} µs between the medians); goal ≤ 5 %`,
    )
  }
}

if (process.argv[2] === '--serve') void serve(process.argv[3] as Mode)
else await main()
