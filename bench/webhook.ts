/**
 * Webhook throughput: valid, signed settlement notifications for distinct invoices at
 * concurrency 50 against the real server (`pnpm start` path, embedded Postgres), beside the
 * same server answering a trivial endpoint (`GET /api/users/me`) in the same run.
 *
 *   pnpm bench:webhook [invoices=400] [concurrency=50] [rate=300]
 *
 * Midtrans is the local stand-in (same API shape), so the status confirmation is a real
 * HTTP round trip. Prints requests/s, p50 and p99 for both, and the ratio. Closed loop, the
 * 50 connections keep the server saturated, so its p99 is queueing at full load; a last
 * phase pays another `invoices` invoices open loop at the goal's `rate` per second (the
 * pace Midtrans sets, not the server), with latency corrected for coordinated omission.
 */
import { MidtransStandIn } from '../payments/midtransStandIn'
import { startAppServer } from '../tests/helpers/appServer'
import { cannon } from './cannon'
import { describe, runLoad } from './load'
import { describeCpu, measureCpu } from './processCpu'

const invoices = Number(process.argv[2] ?? 400)
const concurrency = Number(process.argv[3] ?? 50)
const rate = Number(process.argv[4] ?? 300)
const SERVER_KEY = 'SB-Mid-server-bench'

let standInUrl = ''
const standIn = new MidtransStandIn(SERVER_KEY, () => standInUrl)
const served = await standIn.listen()
standInUrl = served.url

console.log(`starting the app (embedded Postgres, fresh data folder)…`)
const app = await startAppServer({ env: { MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_API_URL: served.url, DATABASE_POOL_MAX: '20' } })
console.log(`ready in ${(app.readyMs / 1000).toFixed(1)} s${app.built ? ' (built first)' : ''}`)

async function api(path: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${app.url}/api${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
  })
  const body = (await response.json()) as Record<string, unknown>
  return { status: response.status, body }
}

try {
  const login = async (email: string, password: string) => (await api('/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })).body.token as string
  const admin = await login('admin@jasaweb.id', 'admin12345')
  const client = await login('budi@sdharapan.sch.id', 'klien12345')
  const me = (await api('/users/me', { token: client })).body.user as { id: number }
  const tiers = (await api('/pricing?limit=1')).body.docs as { id: number }[]

  console.log(`preparing ${2 * invoices} invoices with a pending QRIS each…`)
  const orderIds: string[] = []
  await runLoad(2 * invoices, 8, async () => {
    const project = await api('/projects', { method: 'POST', token: admin, body: JSON.stringify({ name: 'Bench', owner: me.id, type: 'sekolah', pricingTier: tiers[0]!.id }) })
    const projectId = (project.body.doc as { id: number }).id
    const invoice = ((await api(`/invoices?where[project][equals]=${projectId}&depth=0`, { token: admin })).body.docs as { id: number }[])[0]!
    const pay = await api(`/invoices/${invoice.id}/pay`, { method: 'POST', token: client })
    orderIds.push(pay.body.orderId as string)
    return pay.status === 201
  })
  const settlements = orderIds.map((orderId) => JSON.stringify(standIn.settle(orderId)))
  const notifications = settlements.slice(0, invoices)
  const paidAtRate = settlements.slice(invoices)

  // Warm both paths, then measure the baseline and the webhook in the same run.
  const baselineUrl = `${app.url}/api/users/me`
  const webhookUrl = `${app.url}/api/webhooks/midtrans`
  await cannon({ url: baselineUrl, count: 200, connections: 10 })
  const { result: baseline, cores: baselineCores } = await measureCpu(app, () => cannon({ url: baselineUrl, count: invoices, connections: concurrency }))
  const paidCount = async () => (await api('/invoices?where[status][equals]=paid&limit=0&depth=0', { token: admin })).body.totalDocs as number
  const failures: string[] = []
  const outcomes = new Map<string, number>()
  /** One phase of settlements to the webhook; every answer is tallied under `phase`. */
  const deliver = (phase: string, bodies: readonly string[], rateLimit?: number) =>
    measureCpu(app, () =>
      cannon({
        url: webhookUrl,
        method: 'POST',
        count: invoices,
        connections: concurrency,
        rate: rateLimit,
        bodies,
        onResponse: (status, body) => {
          const result = `${phase}: ${(JSON.parse(body) as { result?: string }).result ?? body.slice(0, 80)}`
          outcomes.set(result, (outcomes.get(result) ?? 0) + 1)
          if (status !== 200) failures.push(`${status} ${body}`)
        },
      }),
    )
  const answered = (prefix: string) => [...outcomes].reduce((sum, [result, count]) => (result.startsWith(prefix) ? sum + count : sum), 0)

  const paidBefore = await paidCount()
  const { result: webhook, cores: webhookCores } = await deliver('first delivery', notifications)
  // What the database says, not the answers: autocannon builds each connection's next request
  // ahead, so now and then one body goes twice and another not at all.
  const paidInvoices = (await paidCount()) - paidBefore

  // Midtrans retries until it sees a 200, so most real deliveries are repeats: measure them too.
  const { result: repeated, cores: repeatedCores } = await deliver('repeat', notifications)

  // The goal's pace, open loop: what a notification waits when the server is not saturated.
  const paidBeforeRate = await paidCount()
  const { result: atRate, cores: atRateCores } = await deliver('at rate', paidAtRate, rate)
  const paidAtRateCount = (await paidCount()) - paidBeforeRate

  console.log('')
  console.log(describe('GET /api/users/me (baseline)', baseline))
  console.log(`  ${describeCpu(baselineCores)}`)
  console.log(describe('POST webhook: settlement, pays', webhook))
  console.log(`  ${describeCpu(webhookCores)}`)
  console.log(describe('POST webhook: repeated delivery', repeated))
  console.log(`  ${describeCpu(repeatedCores)}`)
  console.log(describe(`POST webhook: pays, ${rate}/s open loop`, atRate))
  console.log(`  ${describeCpu(atRateCores)}`)
  for (const failure of failures.slice(0, 5)) console.log(`failed: ${failure}`)
  console.log(`answers: ${[...outcomes].map(([result, count]) => `${result} × ${count}`).join(', ')}`)
  console.log(`verified and applied: ${answered('first delivery: paid')} answered paid; ${paidInvoices} of the ${invoices} invoices paid in the database; ${answered('repeat: duplicate')}/${invoices} repeats recognised as duplicates; ${paidAtRateCount} of ${invoices} paid at ${rate}/s`)
  console.log(`paying / baseline throughput: ${(webhook.perSecond / baseline.perSecond).toFixed(2)}   p99 ratio: ${(webhook.p99 / baseline.p99).toFixed(2)}`)
  console.log(`repeat / baseline throughput: ${(repeated.perSecond / baseline.perSecond).toFixed(2)}   p99 ratio: ${(repeated.p99 / baseline.p99).toFixed(2)}`)
} finally {
  await app.stop()
  await served.close()
}
