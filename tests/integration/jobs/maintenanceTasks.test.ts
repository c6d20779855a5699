/**
 * The housekeeping tasks against the real database and the Midtrans stand-in: settling QRIS
 * attempts past their expiry, and pruning old notifications and finished jobs.
 */
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'

import { createNotification, createProject } from '../../helpers/fixtures'
import { useMidtransStandIn } from '../../helpers/midtransStandIn'
import { useWorldSuite } from '../../helpers/worldSuite'

const standIn = useMidtransStandIn('SB-Mid-server-expiry-test')
const suite = useWorldSuite()

afterEach(() => _internal_resetJobSystemGlobals())

async function pendingAttempt(name: string) {
  const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, name)
  const paid = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(paid.status).toBe(201)
  return { invoiceId: invoice.id, orderId: paid.body.orderId as string, expiresAt: new Date(paid.body.expiresAt as string) }
}

const invoiceState = async (invoiceId: number) => {
  const invoice = await suite.ctx.payload.findByID({ collection: 'invoices', id: invoiceId, overrideAccess: true, depth: 0 })
  return { status: invoice.status, attempt: invoice.paymentAttempts?.at(-1)?.midtransStatus }
}

async function sweepAt(at: Date) {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(at)
  const queued = await suite.ctx.payload.jobs.queue({ task: 'expirePaymentAttempts', queue: 'payments', input: {} })
  await suite.ctx.payload.jobs.run({ queue: 'payments', where: { id: { equals: queued.id } } })
  const job = await suite.ctx.payload.findByID({ collection: 'payload-jobs', id: queued.id, overrideAccess: true })
  expect(job.hasError).toBe(false)
  // A task job's output is on its log entry.
  return job.log?.at(-1)?.output
}

it('settles attempts past their expiry with Midtrans: a missed payment pays, an expiry expires, a fresh one waits', async () => {
  const missed = await pendingAttempt('Pembayaran terlewat')
  const expired = await pendingAttempt('Kode kedaluwarsa')
  const lingering = await pendingAttempt('Masih menunggu')
  const forgotten = await pendingAttempt('Tidak dikenal Midtrans')
  standIn.statusOverrides.set(missed.orderId, 'settlement')
  standIn.statusOverrides.set(expired.orderId, 'expire')
  standIn.statusOverrides.set(lingering.orderId, 'pending')
  standIn.transactions.delete(forgotten.orderId)
  const latest = Math.max(...[missed, expired, lingering, forgotten].map((each) => each.expiresAt.getTime()))

  // Before any expiry: nothing to look at.
  expect(await sweepAt(new Date(missed.expiresAt.getTime() - 60_000))).toMatchObject({ checked: 0 })

  // Two minutes past expiry: Midtrans's answer is applied; "still pending" is given grace.
  await sweepAt(new Date(latest + 2 * 60_000))
  expect(await invoiceState(missed.invoiceId)).toEqual({ status: 'paid', attempt: 'settlement' })
  expect(await invoiceState(expired.invoiceId)).toEqual({ status: 'unpaid', attempt: 'expire' })
  expect(await invoiceState(forgotten.invoiceId)).toEqual({ status: 'unpaid', attempt: 'expire' })
  expect(await invoiceState(lingering.invoiceId)).toEqual({ status: 'unpaid', attempt: 'pending' })

  // Well past the grace: taken as expired.
  const late = await sweepAt(new Date(latest + 11 * 60_000))
  expect(late).toMatchObject({ checked: 1 })
  expect(await invoiceState(lingering.invoiceId)).toEqual({ status: 'unpaid', attempt: 'expire' })

  // The client's project moved on only where the money arrived.
  const { docs } = await suite.ctx.payload.find({ collection: 'projects', where: { name: { equals: 'Pembayaran terlewat' } }, overrideAccess: true })
  expect(docs[0]!.status).toBe('in_progress')
})

it('fails and retries the sweep, changing nothing, while Midtrans is unreachable', async () => {
  const attempt = await pendingAttempt('Midtrans mati')
  standIn.mode = 'down'
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(attempt.expiresAt.getTime() + 60_000)
  const queued = await suite.ctx.payload.jobs.queue({ task: 'expirePaymentAttempts', queue: 'payments', input: {} })
  await suite.ctx.payload.jobs.run({ queue: 'payments', where: { id: { equals: queued.id } } })

  const job = await suite.ctx.payload.findByID({ collection: 'payload-jobs', id: queued.id, overrideAccess: true })
  expect(job.completedAt ?? null).toBeNull()
  expect(job.totalTried).toBe(1)
  expect(job.waitUntil).toBeTruthy()
  expect(await invoiceState(attempt.invoiceId)).toEqual({ status: 'unpaid', attempt: 'pending' })
  await suite.ctx.sql('delete from payload_jobs where id = $1', [queued.id])
})

it('prunes read and role-wide notifications past retention and old completed jobs, keeping unread and failed ones', async () => {
  const { clientA } = suite.world
  const make = async (title: string, data: { recipient?: number; recipientRole?: 'client'; read?: boolean }, ageDays: number) => {
    const made = await createNotification(suite.ctx.payload, { title, recipient: data.recipient, recipientRole: data.recipientRole, readAt: data.read ? new Date().toISOString() : undefined })
    await suite.ctx.sql(`update notifications set created_at = now() - make_interval(days => $2) where id = $1`, [made.id, ageDays])
    return made.id
  }
  const oldRead = await make('Lama, sudah dibaca', { recipient: clientA.id, read: true }, 120)
  const oldUnread = await make('Lama, belum dibaca', { recipient: clientA.id }, 120)
  const oldAnnouncement = await make('Pengumuman lama', { recipientRole: 'client' }, 120)
  const recentRead = await make('Baru, sudah dibaca', { recipient: clientA.id, read: true }, 10)

  const oldDone = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'a@contoh.id', subject: 'x', text: 'x' } })
  const oldFailed = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'b@contoh.id', subject: 'x', text: 'x' } })
  const recentDone = await suite.ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'c@contoh.id', subject: 'x', text: 'x' } })
  await suite.ctx.sql(`update payload_jobs set completed_at = now() - interval '30 days' where id = $1`, [oldDone.id])
  await suite.ctx.sql(`update payload_jobs set has_error = true, created_at = now() - interval '30 days' where id = $1`, [oldFailed.id])
  await suite.ctx.sql(`update payload_jobs set completed_at = now() - interval '2 days' where id = $1`, [recentDone.id])

  const queued = await suite.ctx.payload.jobs.queue({ task: 'pruneNotifications', queue: 'default', input: {} })
  await suite.ctx.payload.jobs.run({ queue: 'default', where: { id: { equals: queued.id } } })
  const job = await suite.ctx.payload.findByID({ collection: 'payload-jobs', id: queued.id, overrideAccess: true })
  expect(job.log?.at(-1)?.output).toMatchObject({ notifications: 2, completedJobs: 1 })

  const left = (await suite.ctx.sql<{ id: number }>('select id from notifications where id = any($1)', [[oldRead, oldUnread, oldAnnouncement, recentRead]])).map((row) => row.id)
  expect(left.sort()).toEqual([oldUnread, recentRead].sort())
  const jobsLeft = (await suite.ctx.sql<{ id: number }>('select id from payload_jobs where id = any($1)', [[oldDone.id, oldFailed.id, recentDone.id]])).map((row) => row.id)
  expect(jobsLeft.sort()).toEqual([oldFailed.id, recentDone.id].sort())
})
