import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'

import { JobRunner } from '../../../jobs/jobRunner'
import { JOB_QUEUES } from '../../../jobs/queues'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'
import { createUser } from '../../helpers/fixtures'

let ctx: TestContext
const runners: JobRunner[] = []

function runner(staleAfterMs = 600_000): JobRunner {
  const created = new JobRunner(ctx.payload, { intervalMs: 60_000, batchLimit: 10, staleAfterMs })
  runners.push(created)
  return created
}

type JobRow = { id: number; task_slug: string; queue: string; processing: boolean; has_error: boolean; total_tried: number; wait_until: Date | null; completed_at: Date | null }
const job = async (id: number | string) =>
  (await ctx.sql<JobRow>('select id, task_slug, queue, processing, has_error, total_tried::int as total_tried, wait_until, completed_at from payload_jobs where id = $1', [id]))[0]!

const setClock = (at: Date) => {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(at)
}

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin', 'Admin Antrean')
})

afterEach(async () => {
  for (const each of runners.splice(0)) await each.stop()
  _internal_resetJobSystemGlobals()
  await ctx.sql('delete from payload_jobs')
})

afterAll(async () => ctx?.close())

it('drains the payments queue before the default queue, and that before reports', async () => {
  const report = await ctx.payload.jobs.queue({ task: 'sendWeeklyBiReport', queue: 'reports', input: {} })
  const email = await ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'klien@contoh.id', subject: 'Halo', text: 'Isi' } })
  const expiry = await ctx.payload.jobs.queue({ task: 'expirePaymentAttempts', queue: 'payments', input: {} })

  const tick = await runner().tick()

  expect(tick.led).toEqual([...JOB_QUEUES])
  expect(tick.ran).toEqual({ payments: 1, default: 1, reports: 1 })
  const [first, second, third] = await Promise.all([job(expiry.id), job(email.id), job(report.id)])
  expect(first.completed_at).not.toBeNull()
  expect(first.completed_at!.getTime()).toBeLessThanOrEqual(second.completed_at!.getTime())
  expect(second.completed_at!.getTime()).toBeLessThanOrEqual(third.completed_at!.getTime())
  // Completed jobs stay for the admins' queue view.
  expect(third.has_error).toBe(false)
})

it('retries a failing job with exponential backoff on the job clock, then alerts the admins', async () => {
  const start = new Date('2026-03-02T03:00:00.000Z')
  setClock(start)
  // An address zod refuses: every try fails the same way.
  const queued = await ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'bukan-email', subject: 'Halo', text: 'Isi' } })
  const jobRunner = runner()

  await jobRunner.tick()
  let row = await job(queued.id)
  expect(row.total_tried).toBe(1)
  expect(row.has_error).toBe(false)
  // sendEmail: backoff 30 s, doubled per try.
  expect(row.wait_until!.getTime() - start.getTime()).toBe(30_000)

  setClock(new Date(start.getTime() + 29_000))
  await jobRunner.tick()
  expect((await job(queued.id)).total_tried).toBe(1)

  let now = start.getTime() + 31_000
  setClock(new Date(now))
  await jobRunner.tick()
  row = await job(queued.id)
  expect(row.total_tried).toBe(2)
  expect(row.wait_until!.getTime() - now).toBe(60_000)

  // Four more tries (5 retries in all), each after its own wait.
  for (let tries = 3; tries <= 6; tries += 1) {
    now = row.wait_until!.getTime() + 1_000
    setClock(new Date(now))
    await jobRunner.tick()
    row = await job(queued.id)
    expect(row.total_tried).toBe(tries)
  }
  expect(row.has_error).toBe(true)
  const alerts = await ctx.sql<{ title: string; body: string; data: { jobId: number; task: string } }>(
    `select title, body, data from notifications where type = 'admin_alert' and recipient_role = 'admin'`,
  )
  expect(alerts).toHaveLength(1)
  expect(alerts[0]!.data).toMatchObject({ jobId: queued.id, task: 'sendEmail' })
  expect(alerts[0]!.body).toContain('to')
  expect(alerts[0]!.body).toContain('6 percobaan')

  // A failed job stays put: later ticks do not touch it.
  setClock(new Date(now + 86_400_000))
  await jobRunner.tick()
  expect((await job(queued.id)).total_tried).toBe(6)
})

it('hands back a job left processing by a runner that died, and runs it', async () => {
  const queued = await ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'klien@contoh.id', subject: 'Halo', text: 'Isi' } })
  await ctx.sql(`update payload_jobs set processing = true, updated_at = now() - interval '20 minutes' where id = $1`, [queued.id])
  const fresh = await ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'lain@contoh.id', subject: 'Halo', text: 'Isi' } })
  await ctx.sql(`update payload_jobs set processing = true, updated_at = now() - interval '1 minute' where id = $1`, [fresh.id])

  const tick = await runner(10 * 60_000).tick()

  expect(tick.swept).toEqual([queued.id])
  expect((await job(queued.id)).completed_at).not.toBeNull()
  // Touched a minute ago: someone may still be running it.
  expect((await job(fresh.id)).processing).toBe(true)
})

it('lets one runner lead each queue; another takes over when it stops', async () => {
  const first = runner()
  const second = runner()
  expect((await first.tick()).led).toEqual([...JOB_QUEUES])
  expect((await second.tick()).led).toEqual([])

  const queued = await ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'klien@contoh.id', subject: 'Halo', text: 'Isi' } })
  expect((await second.tick()).ran).toEqual({})
  expect((await job(queued.id)).completed_at).toBeNull()

  await first.stop()
  const takeover = await second.tick()
  expect(takeover.led).toEqual([...JOB_QUEUES])
  expect(takeover.ran.default).toBe(1)
})

it('queues scheduled tasks for their next cron time and runs them when the job clock reaches it', async () => {
  const tick = await runner().tick()
  expect(tick.scheduled).toBeGreaterThanOrEqual(1)
  const [prune] = await ctx.sql<JobRow>(`select * from payload_jobs where task_slug = 'pruneNotifications'`)
  // The default cron, 30 19 * * * (02:30 WIB), in the server's time zone (UTC here).
  const now = new Date()
  const expected = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 19, 30))
  if (expected.getTime() <= now.getTime()) expected.setUTCDate(expected.getUTCDate() + 1)
  expect(prune!.wait_until!.toISOString()).toBe(expected.toISOString())

  setClock(new Date(expected.getTime() - 1_000))
  await runners[0]!.tick()
  expect((await job(prune!.id)).completed_at).toBeNull()

  setClock(new Date(expected.getTime() + 1_000))
  const due = await runners[0]!.tick()
  expect(due.ran.default).toBeGreaterThanOrEqual(1)
  expect((await job(prune!.id)).completed_at).not.toBeNull()
})

it('lets the running batch finish when stopped, and starts no other', async () => {
  const queued = await Promise.all(
    Array.from({ length: 60 }, (_, index) => ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: `klien${index}@contoh.id`, subject: 'Halo', text: 'Isi' } })),
  )
  const jobRunner = runner()
  const ticking = jobRunner.tick()
  // Stop once the runner is mid-drain: a batch has completed.
  for (let waited = 0; (await ctx.sql(`select 1 from payload_jobs where completed_at is not null`)).length === 0 && waited < 200; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await jobRunner.stop()
  const rows = await Promise.all(queued.map((each) => job(each.id)))
  expect(rows.filter((row) => row.processing)).toEqual([])
  const completed = rows.filter((row) => row.completed_at !== null).length
  expect(completed).toBeGreaterThan(0)
  expect(completed).toBeLessThan(queued.length)
  // Whole batches of 10 only: a stop never abandons a batch half-run.
  expect(completed % 10).toBe(0)
  await ticking
})

it('asks before every batch how many jobs to take, and takes that many', async () => {
  const queued = await Promise.all(
    [1, 2, 3].map((index) => ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: `klien${index}@contoh.id`, subject: 'Halo', text: 'Isi' } })),
  )
  const asked: number[] = []
  const paced = new JobRunner(ctx.payload, {
    intervalMs: 60_000,
    batchLimit: 10,
    staleAfterMs: 600_000,
    // The server's way while requests keep coming: one job per batch.
    beforeBatch: async (batchLimit) => {
      asked.push(batchLimit)
      return 1
    },
  })
  runners.push(paced)

  const tick = await paced.tick()

  expect(tick.ran).toEqual({ default: 3 })
  // Asked with the configured size before each of the three one-job batches, then once more
  // per queue to find nothing left (had the answer been ignored, one batch of 10 took all three).
  expect(asked.every((size) => size === 10)).toBe(true)
  expect(asked.length).toBeGreaterThanOrEqual(3 + JOB_QUEUES.length)
  const rows = await Promise.all(queued.map((each) => job(each.id)))
  expect(rows.every((row) => row.completed_at !== null && !row.has_error)).toBe(true)
})
