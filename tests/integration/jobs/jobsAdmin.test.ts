/**
 * The admins' view of the queue over HTTP: status counts, retry and cancel, and that nobody
 * else can read or touch jobs by REST, GraphQL or these endpoints.
 */
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'

import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()

async function failedJob(): Promise<number> {
  const queued = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'bukan-email', subject: 'Halo', text: 'Isi' } })
  // As the runner leaves a job whose retries are used up.
  await suite.ctx.sql(`update payload_jobs set has_error = true, total_tried = 6, error = '{"message":"sendEmail: invalid input: to Invalid email address"}' where id = $1`, [queued.id])
  return Number(queued.id)
}

const jobRow = async (id: number) =>
  (await suite.ctx.sql<{ has_error: boolean; completed_at: Date | null; error: Record<string, unknown> | null }>('select has_error, completed_at, error from payload_jobs where id = $1', [id]))[0]!

it('counts jobs per queue and state and lists the newest failures with their error', async () => {
  await suite.ctx.sql('delete from payload_jobs')
  const failed = await failedJob()
  await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'a@contoh.id', subject: 'x', text: 'x' } })
  await suite.ctx.payload.jobs.queue({ task: 'sendWeeklyBiReport', queue: 'reports', input: {}, waitUntil: new Date(Date.now() + 3_600_000) })

  const { status, body } = await suite.api.rest('GET', '/admin/jobs/status', { token: suite.tokens.admin })

  expect(status).toBe(200)
  expect(body.queues.default).toMatchObject({ waiting: 1, failed: 1, running: 0, completed: 0 })
  expect(body.queues.reports).toMatchObject({ scheduled: 1, waiting: 0 })
  expect(body.queues.payments).toMatchObject({ waiting: 0, failed: 0 })
  expect(body.totals).toMatchObject({ waiting: 1, failed: 1, scheduled: 1 })
  expect(body.failedRecently).toEqual([expect.objectContaining({ id: failed, task: 'sendEmail', queue: 'default', tries: 6, error: expect.stringContaining('invalid input: to') })])
})

/** A job that really used up its retries: bad input, tried six times, a day of job clock apart. */
async function exhaustedJob(): Promise<number> {
  const queued = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'bukan-email', subject: 'Halo', text: 'Isi' } })
  const start = Date.now()
  for (let day = 0; day < 6; day += 1) {
    _internal_jobSystemGlobals.getCurrentDate = () => new Date(start + day * 86_400_000)
    await suite.ctx.payload.jobs.run({ queue: 'default', where: { id: { equals: queued.id } } })
  }
  _internal_resetJobSystemGlobals()
  return Number(queued.id)
}

it('lets an admin retry a failed job, which then runs again', async () => {
  const id = await exhaustedJob()
  expect((await jobRow(id)).has_error).toBe(true)
  const { status, body } = await suite.api.rest('POST', `/admin/jobs/${id}/retry`, { token: suite.tokens.admin })
  expect(status).toBe(200)
  expect(body).toEqual({ id, state: 'waiting' })
  expect((await jobRow(id)).has_error).toBe(false)

  // Runnable again: the next pass tries it (and, its input still bad, it fails for good at once).
  await suite.ctx.payload.jobs.run({ queue: 'default', where: { id: { equals: id } } })
  const row = await jobRow(id)
  expect(row.has_error).toBe(true)
  expect(row.completed_at).toBeNull()
  const [{ tries }] = await suite.ctx.sql<{ tries: number }>('select total_tried::int as tries from payload_jobs where id = $1', [id])
  expect(tries).toBe(7)
})

it('lets an admin cancel a waiting job so that it never runs, and refuses to cancel or retry a finished one', async () => {
  const queued = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'b@contoh.id', subject: 'x', text: 'x' } })
  const id = Number(queued.id)
  const cancelled = await suite.api.rest('POST', `/admin/jobs/${id}/cancel`, { token: suite.tokens.admin })
  expect(cancelled.status).toBe(200)
  expect(cancelled.body).toEqual({ id, state: 'cancelled' })
  await suite.ctx.payload.jobs.run({ queue: 'default', where: { id: { equals: id } } })
  expect(await jobRow(id)).toMatchObject({ has_error: true, completed_at: null, error: expect.objectContaining({ cancelled: true }) })

  const done = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'c@contoh.id', subject: 'x', text: 'x' } })
  await suite.ctx.payload.jobs.run({ queue: 'default', where: { id: { equals: done.id } } })
  expect((await jobRow(Number(done.id))).completed_at).not.toBeNull()
  for (const action of ['retry', 'cancel']) {
    const refused = await suite.api.rest('POST', `/admin/jobs/${done.id}/${action}`, { token: suite.tokens.admin })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toContain('sudah selesai')
  }
})

it('answers 400 for a malformed job id and 404 for an unknown one', async () => {
  const malformed = await suite.api.rest('POST', '/admin/jobs/1%20or%201=1/retry', { token: suite.tokens.admin })
  expect(malformed.status).toBe(400)
  const unknown = await suite.api.rest('POST', '/admin/jobs/987654321/cancel', { token: suite.tokens.admin })
  expect(unknown.status).toBe(404)
})

it('keeps jobs from everyone but admins: no status, no retry or cancel, no rows by REST or GraphQL', async () => {
  const id = await failedJob()
  for (const token of [suite.tokens.clientA, suite.tokens.editor]) {
    expect((await suite.api.rest('GET', '/admin/jobs/status', { token })).status).toBe(403)
    expect((await suite.api.rest('POST', `/admin/jobs/${id}/retry`, { token })).status).toBe(403)
    expect((await suite.api.rest('POST', `/admin/jobs/${id}/cancel`, { token })).status).toBe(403)
    const list = await suite.api.rest('GET', '/payload-jobs', { token })
    expect(list.status).toBe(403)
    const one = await suite.api.rest('GET', `/payload-jobs/${id}`, { token })
    expect(one.status).toBe(403)
    const graphql = await suite.api.graphql('{ PayloadJobs { docs { id input } } }', { token })
    expect(JSON.stringify(graphql.body.data?.PayloadJobs?.docs ?? [])).not.toContain(String(id))
  }
  expect((await suite.api.rest('GET', '/admin/jobs/status')).status).toBe(401)
  // Nothing changed.
  expect((await jobRow(id)).has_error).toBe(true)
})
