/**
 * Fuzz: every custom endpoint (endpoints/index.ts and the collections' own) gets 1,000
 * generated bad requests (fast-check): ids that are no id or name nothing, query strings of
 * random keys and values, bodies of any JSON, broken JSON, deep nesting, prototype-pollution
 * keys and long strings, as an admin, a client or nobody. Every answer must be a 4xx, or a
 * 2xx for a read that the parameters did not disturb (never a 5xx); an error answer must say
 * what is wrong; and no business table may change. Refusals the webhook records
 * (payment-events) and the audit log are the record of the attempt, not a change of state.
 *
 * FUZZ_SEED fixes the inputs (default: one seed, so CI is reproducible); FUZZ_RUNS the count.
 */
import fc from 'fast-check'

import { customRoutes, type CustomRoute } from '../../endpoints'
import { startRealtime, type RealtimeHarness } from '../helpers/realtime'
import { useWorldSuite } from '../helpers/worldSuite'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const SEED = Number(process.env.FUZZ_SEED ?? 20261204)

const suite = useWorldSuite()
let realtime: RealtimeHarness
beforeAll(async () => {
  // The websocket admin endpoints answer 503 without a Socket.IO server: give them one.
  realtime = await startRealtime(suite.ctx)
})
afterAll(async () => realtime?.close())

type Target = CustomRoute
const targets: Target[] = customRoutes({ isProduction: false })

/** The business state: counts and last changes of every table a request could alter. */
async function fingerprint(): Promise<unknown> {
  const tables = ['invoices', 'invoices_payment_attempts', 'projects', 'projects_status_history', 'users', 'pricing', 'announcements', 'notifications', 'notifications_read_by', 'payload_jobs', 'posts', 'pages']
  const present = await suite.ctx.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`, [tables])
  const parts = present.map(({ table_name: table }) => `(SELECT count(*) FROM "${table}")::text`)
  const [row] = await suite.ctx.sql(`SELECT ${parts.join(" || ':' || ")} AS state, (SELECT max(updated_at) FROM invoices) AS invoices_at, (SELECT max(updated_at) FROM projects) AS projects_at, (SELECT max(updated_at) FROM users) AS users_at, (SELECT max(updated_at) FROM payload_jobs) AS jobs_at`)
  return row
}

/** A path segment that is not the id of anything: words, odd numbers, encodings, traversal. */
const badId = fc.oneof(
  fc.string({ maxLength: 40 }).filter((value) => !/^\d{1,6}$/.test(value.trim())),
  fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', ' 1', '1 ', '99999999999999999999', 'NaN', 'null', '../1', '%00', '1;DROP TABLE invoices', "1' OR '1'='1", '{}', '[]'),
  fc.integer({ min: 10_000_000, max: 2_147_483_647 }).map(String),
)

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', 'where[or][0][id][exists]', 'depth', 'limit', 'from', 'to', 'granularity', 'format', 'horizon', 'action', 'prefix')
const queryValue = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '0', '9999999', 'true', 'csv', 'json', 'month', '2025-02-30', '2025-13-01', "' OR 1=1 --", '<script>alert(1)</script>'), fc.integer().map(String))
const query = fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), hostileKey), queryValue, { maxKeys: 4 })

/** JSON nested deeper than any handler reads. */
const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'x'
  for (let level = 0; level < depth; level += 1) value = { a: value }
  return JSON.stringify(value)
})
const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 3 })).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"title":', 'null', '[]', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"role":"admin"}}}'),
  deep,
  fc.integer({ min: 70_000, max: 200_000 }).map((length) => JSON.stringify({ title: 'x'.repeat(length), body: 'y', message: 'z' })),
)
const who = fc.constantFrom('admin', 'clientA', 'nobody') as fc.Arbitrary<'admin' | 'clientA' | 'nobody'>

function pathFor(target: Target, id: string): string {
  return target.path.replace(':id', encodeURIComponent(id))
}

describe('fuzz: bad input to every custom endpoint', () => {
  it('covers the endpoints there are', () => {
    expect(targets.map((target) => `${target.method} ${target.path}`)).toEqual(
      expect.arrayContaining(['POST /webhooks/midtrans', 'POST /invoices/:id/pay', 'POST /projects/:id/review', 'POST /websocket/broadcast', 'GET /admin/bi/summary', 'POST /admin/cache-manage']),
    )
    expect(targets.length).toBeGreaterThanOrEqual(20)
  })

  it.each(targets.map((target) => [`${target.method} ${target.path}`, target] as const))(
    '%s: only 4xx (or an undisturbed read), never 5xx, with a message, and no change',
    async (_name, target) => {
      const before = await fingerprint()
      const seen = new Map<number, number>()
      await fc.assert(
        fc.asyncProperty(badId, query, body, who, async (id, params, rawBody, caller) => {
          const search = new URLSearchParams(Object.entries(params)).toString()
          const path = `${pathFor(target, id)}${search ? `?${search}` : ''}`
          const token = caller === 'nobody' ? undefined : suite.tokens[caller]
          const response = await suite.api.rest(target.method, path, { token, ...(target.method === 'GET' ? {} : { rawBody }) })
          seen.set(response.status, (seen.get(response.status) ?? 0) + 1)
          if (response.status >= 500) throw new Error(`${target.method} ${path} as ${caller} → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
          if (response.status >= 400) {
            // Payload's error shape, its router's 404 (an empty id leaves no route), or Midtrans' (the simulator speaks Midtrans' API).
            const answer = response.body as { errors?: { message?: unknown }[]; message?: unknown; status_message?: unknown } | null
            const message = answer?.errors?.[0]?.message ?? answer?.message ?? answer?.status_message
            if (typeof message !== 'string' || message.length === 0) throw new Error(`${target.method} ${path} → ${response.status} without a message: ${JSON.stringify(response.body).slice(0, 200)}`)
          } else if (target.method !== 'GET') {
            throw new Error(`${target.method} ${path} as ${caller} accepted a generated bad request (${response.status}): ${JSON.stringify(response.body).slice(0, 200)}`)
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      expect(await fingerprint()).toEqual(before)
      // Every run answered something (the property ran), and refusals were among the answers.
      expect([...seen.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(RUNS)
      expect([...seen.keys()].some((status) => status >= 400 && status < 500)).toBe(true)
    },
    240_000,
  )
})
