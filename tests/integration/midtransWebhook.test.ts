import fs from 'node:fs'
import path from 'node:path'

import { applyConfirmedStatus } from '../../payments/confirmedStatusQueue'
import { notificationSignature } from '../../payments/signature'
import { createProject } from '../helpers/fixtures'
import { useMidtransStandIn } from '../helpers/midtransStandIn'
import { useWorldSuite } from '../helpers/worldSuite'

const SERVER_KEY = 'SB-Mid-server-webhook-test'
const standIn = useMidtransStandIn(SERVER_KEY)
const suite = useWorldSuite()

/** A client's fresh invoice with one pending QRIS attempt, paid for through the real endpoint. */
async function pendingPayment() {
  const { project, invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek webhook')
  const paid = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(paid.status).toBe(201)
  return { project, invoice, orderId: paid.body.orderId as string }
}

function deliver(body: unknown) {
  return suite.api.rest('POST', '/webhooks/midtrans', { rawBody: typeof body === 'string' ? body : JSON.stringify(body) })
}

async function state(invoiceId: number, projectId: number) {
  const { payload } = suite.ctx
  const invoice = await payload.findByID({ collection: 'invoices', id: invoiceId, overrideAccess: true, depth: 0 })
  const project = await payload.findByID({ collection: 'projects', id: projectId, overrideAccess: true, depth: 0 })
  const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendPaymentReceipt' } }, limit: 1000, overrideAccess: true })
  const receipts = jobs.docs.filter((job) => (job.input as { invoiceId?: number })?.invoiceId === invoiceId)
  const notifications = await payload.find({ collection: 'notifications', where: { and: [{ type: { equals: 'payment_update' } }, { 'data.invoiceId': { equals: invoiceId } }] }, depth: 0, overrideAccess: true })
  const events = await payload.find({ collection: 'payment-events', where: { invoice: { equals: invoiceId } }, limit: 1000, overrideAccess: true })
  return { invoice, project, receipts, notifications: notifications.docs, events: events.docs }
}

it('applies a valid settlement: invoice paid, project in progress, one notification, one receipt', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  const result = await deliver(standIn.settle(orderId))
  expect(result.status).toBe(200)
  expect(result.body.result).toBe('paid')
  const after = await state(invoice.id, project.id)
  expect(after.invoice.status).toBe('paid')
  expect(after.invoice.paidAt).toBeTruthy()
  expect(after.invoice.paymentAttempts?.[0]?.midtransStatus).toBe('settlement')
  expect(after.project.status).toBe('in_progress')
  expect(after.project.statusHistory?.at(-1)).toMatchObject({ from: 'pending_payment', to: 'in_progress' })
  expect(after.notifications).toHaveLength(1)
  expect(after.receipts).toHaveLength(1)
  expect(after.events.map((event) => [event.verified, event.result])).toContainEqual([true, 'paid'])
})

it('records the paid move like any other: audit rows, a status-history entry by the system, a project_update for the owner', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  await deliver(standIn.settle(orderId))
  const { payload } = suite.ctx
  const after = await state(invoice.id, project.id)
  const entry = after.project.statusHistory?.at(-1)
  expect(entry).toMatchObject({ from: 'pending_payment', to: 'in_progress', by: null, note: `Pembayaran QRIS ${invoice.number} diterima` })
  expect(after.project.statusHistory?.[0]).toMatchObject({ from: 'order', to: 'pending_payment' })
  const audit = await payload.find({ collection: 'audit-log', where: { and: [{ actorEmail: { equals: 'system' } }, { action: { equals: 'update' } }] }, limit: 1000, overrideAccess: true })
  const targets = audit.docs.map((row) => `${row.targetCollection}:${row.targetId}`)
  expect(targets).toEqual(expect.arrayContaining([`invoices:${invoice.id}`, `projects:${project.id}`]))
  const updates = await payload.find({ collection: 'notifications', where: { and: [{ type: { equals: 'project_update' } }, { 'data.projectId': { equals: project.id } }] }, depth: 0, overrideAccess: true })
  expect(updates.docs).toHaveLength(1)
  expect(updates.docs[0]).toMatchObject({ recipient: suite.world.clientA.id, data: { from: 'pending_payment', to: 'in_progress' } })
  // The client reads the moved project through the API as before.
  const read = await suite.api.rest('GET', `/projects/${project.id}`, { token: suite.tokens.clientA })
  expect(read.body).toMatchObject({ status: 'in_progress' })
})

it('tells the client when an attempt expires, and refunds the invoice on a full refund', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  standIn.transactions.get(orderId)!.status = 'expire'
  expect((await deliver(standIn.notification(orderId))).body.result).toBe('attempt pending → expire')
  const expired = (await state(invoice.id, project.id)).notifications.filter((row) => (row.data as { attemptStatus?: string }).attemptStatus === 'expire')
  expect(expired).toHaveLength(1)
  expect(expired[0]!.recipient).toBe(suite.world.clientA.id)

  await deliver(standIn.settle(orderId))
  standIn.transactions.get(orderId)!.status = 'refund'
  const refund = await deliver(standIn.notification(orderId))
  expect(refund.body.result).toBe('attempt settlement → refund, invoice refunded')
  const after = await state(invoice.id, project.id)
  expect(after.invoice.status).toBe('refunded')
  expect(after.invoice.paymentAttempts?.[0]?.midtransStatus).toBe('refund')
  expect(after.project.status).toBe('in_progress')
  expect(after.receipts).toHaveLength(1)
})

it('sends the queued receipt by email when the job runs', async () => {
  const { invoice, orderId } = await pendingPayment()
  await deliver(standIn.settle(orderId))
  await suite.ctx.payload.jobs.run({ queue: 'payments', where: { taskSlug: { equals: 'sendPaymentReceipt' } } })
  const mailDir = path.join(suite.ctx.dataDir, 'mail')
  const mails = fs.readdirSync(mailDir).map((file) => fs.readFileSync(path.join(mailDir, file), 'utf8'))
  expect(mails.some((mail) => mail.includes(`Kwitansi pembayaran ${invoice.number}`) && mail.includes(suite.world.clientA.email))).toBe(true)
})

it('pays exactly once for 100 concurrent deliveries of the same settlement', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  const notification = standIn.settle(orderId)
  const results = await Promise.all(Array.from({ length: 100 }, () => deliver(notification)))
  expect(results.every((r) => r.status === 200)).toBe(true)
  expect(results.filter((r) => r.body.result === 'paid')).toHaveLength(1)
  const after = await state(invoice.id, project.id)
  expect(after.invoice.status).toBe('paid')
  expect(after.receipts).toHaveLength(1)
  expect(after.notifications).toHaveLength(1)
  expect(after.project.statusHistory?.filter((entry) => entry.to === 'in_progress')).toHaveLength(1)
  expect(after.events.length).toBeGreaterThanOrEqual(100)
})

it('applies concurrent settlements for many invoices together, each paid once with its own receipt and events', async () => {
  const pending = await Promise.all(Array.from({ length: 12 }, () => pendingPayment()))
  const notifications = pending.map(({ orderId }) => standIn.settle(orderId))
  // Each settlement twice, all at once: batches form while one is being applied.
  const results = await Promise.all([...notifications, ...notifications].map((body) => deliver(body)))
  expect(results.every((result) => result.status === 200)).toBe(true)
  expect(results.filter((result) => result.body.result === 'paid')).toHaveLength(12)
  for (const { project, invoice } of pending) {
    const after = await state(invoice.id, project.id)
    expect(after.invoice.status).toBe('paid')
    expect(after.project.status).toBe('in_progress')
    expect(after.project.statusHistory?.filter((entry) => entry.to === 'in_progress')).toHaveLength(1)
    expect(after.receipts).toHaveLength(1)
    expect(after.notifications).toHaveLength(1)
    expect(after.events).toHaveLength(2)
  }
})

it('fails only the status that breaks its batch; the others in that batch are applied', async () => {
  const good = await Promise.all(Array.from({ length: 3 }, () => pendingPayment()))
  const bad = await pendingPayment()
  const apply = (target: { invoice: { id: number }; orderId: string }, raw: unknown) =>
    applyConfirmedStatus(suite.ctx.payload, { invoiceId: target.invoice.id, orderId: target.orderId, status: 'settlement', raw })
  // A BigInt cannot be stored as JSON: writing that batch's payment events throws.
  const results = await Promise.allSettled([apply(good[0]!, {}), apply(good[1]!, {}), apply(bad, { amount: 10n }), apply(good[2]!, {})])
  expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
  for (const { project, invoice } of good) expect((await state(invoice.id, project.id)).invoice.status).toBe('paid')
  const after = await state(bad.invoice.id, bad.project.id)
  expect(after.invoice.status).toBe('unpaid')
  expect(after.project.status).toBe('pending_payment')
  expect(after.receipts).toHaveLength(0)
})

it('keeps a paid invoice paid when a late pending notification arrives', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  const pendingNotification = standIn.notification(orderId)
  await deliver(standIn.settle(orderId))
  standIn.statusOverrides.set(orderId, 'pending')
  const late = await deliver(pendingNotification)
  expect(late.status).toBe(200)
  expect(late.body.result).toMatch(/ignored|duplicate/)
  const after = await state(invoice.id, project.id)
  expect(after.invoice.status).toBe('paid')
  expect(after.invoice.paymentAttempts?.[0]?.midtransStatus).toBe('settlement')
})

it('accepts a payment after the attempt expired and alerts the admins', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  standIn.transactions.get(orderId)!.status = 'expire'
  expect((await deliver(standIn.notification(orderId))).body.result).toMatch(/pending → expire/)
  const paid = await deliver(standIn.settle(orderId))
  expect(paid.body.result).toBe('paid (late payment after expiry)')
  const after = await state(invoice.id, project.id)
  expect(after.invoice.status).toBe('paid')
  const alerts = await suite.ctx.payload.find({ collection: 'notifications', where: { and: [{ type: { equals: 'admin_alert' } }, { 'data.invoiceId': { equals: invoice.id } }] }, overrideAccess: true })
  expect(alerts.totalDocs).toBe(1)
})

it('believes the status API over the notification', async () => {
  const { project, invoice, orderId } = await pendingPayment()
  const claimsSettled = standIn.settle(orderId)
  standIn.statusOverrides.set(orderId, 'pending')
  const result = await deliver(claimsSettled)
  expect(result.status).toBe(200)
  const after = await state(invoice.id, project.id)
  expect(after.invoice.status).toBe('unpaid')
  expect(after.project.status).toBe('pending_payment')
  expect(after.receipts).toHaveLength(0)
})

describe('refuses what it cannot trust, records it, and changes nothing', () => {
  it('a wrong signature → 401', async () => {
    const { project, invoice, orderId } = await pendingPayment()
    const forged = { ...standIn.settle(orderId), signature_key: 'a'.repeat(128) }
    const result = await deliver(forged)
    expect(result.status).toBe(401)
    const after = await state(invoice.id, project.id)
    expect(after.invoice.status).toBe('unpaid')
    const logged = await suite.ctx.payload.find({ collection: 'payment-events', where: { orderId: { equals: orderId } }, overrideAccess: true })
    expect(logged.docs.map((event) => [event.verified, event.result])).toContainEqual([false, 'rejected: signature mismatch'])
  })

  it('a correctly signed notification for the wrong amount → 400', async () => {
    const { project, invoice, orderId } = await pendingPayment()
    const body = standIn.settle(orderId)
    const gross = `${invoice.amount - 1000}.00`
    const result = await deliver({ ...body, gross_amount: gross, signature_key: notificationSignature(orderId, body.status_code!, gross, SERVER_KEY) })
    expect(result.status).toBe(400)
    expect((await state(invoice.id, project.id)).invoice.status).toBe('unpaid')
  })

  it('an unknown order id → 404', async () => {
    const orderId = 'INV-NOPE-1-abcdef'
    const result = await deliver({ order_id: orderId, status_code: '200', gross_amount: '1000.00', transaction_status: 'settlement', signature_key: notificationSignature(orderId, '200', '1000.00', SERVER_KEY) })
    expect(result.status).toBe(404)
  })

  it.each([
    ['malformed JSON', '{"order_id": "x",'],
    ['missing fields', { order_id: 'x', transaction_status: 'settlement' }],
    ['a non-hex signature', { order_id: 'x', status_code: '200', gross_amount: '1.00', transaction_status: 'settlement', signature_key: 'z'.repeat(128) }],
    ['an array', []],
  ])('%s → 400', async (_what, body) => {
    const before = await suite.ctx.payload.count({ collection: 'payment-events', overrideAccess: true })
    const result = await deliver(body)
    expect(result.status).toBe(400)
    const afterCount = await suite.ctx.payload.count({ collection: 'payment-events', overrideAccess: true })
    expect(afterCount.totalDocs).toBe(before.totalDocs + 1)
  })

  it('Midtrans status API down → 503 so Midtrans retries, nothing applied', async () => {
    const { project, invoice, orderId } = await pendingPayment()
    const body = standIn.settle(orderId)
    standIn.mode = 'down'
    const result = await deliver(body)
    expect(result.status).toBe(503)
    expect((await state(invoice.id, project.id)).invoice.status).toBe('unpaid')
  })
})

it('gives an invoice an admin marks paid by hand the same effects, once, and audits it', async () => {
  const { project, invoice } = await pendingPayment()
  const result = await suite.api.rest('PATCH', `/invoices/${invoice.id}`, { token: suite.tokens.admin, body: { status: 'paid' } })
  expect(result.status).toBe(200)
  const again = await suite.api.rest('PATCH', `/invoices/${invoice.id}`, { token: suite.tokens.admin, body: { status: 'paid' } })
  expect(again.status).toBe(200)
  const after = await state(invoice.id, project.id)
  expect(after.invoice.paidAt).toBeTruthy()
  expect(after.project.status).toBe('in_progress')
  expect(after.notifications).toHaveLength(1)
  expect(after.receipts).toHaveLength(1)
  const audit = await suite.ctx.payload.find({
    collection: 'audit-log',
    where: { and: [{ targetCollection: { equals: 'invoices' } }, { targetId: { equals: String(invoice.id) } }, { actor: { equals: suite.world.admin.id } }] },
    overrideAccess: true,
  })
  expect(audit.docs.some((entry) => entry.summary?.includes('status'))).toBe(true)
})

it('shows an invoice its payment events to admins, never to the client', async () => {
  const { invoice, orderId } = await pendingPayment()
  await deliver(standIn.settle(orderId))
  const asAdmin = await suite.api.rest('GET', `/invoices/${invoice.id}`, { token: suite.tokens.admin })
  expect(asAdmin.body.paymentEvents.docs.length).toBeGreaterThanOrEqual(1)
  const asClient = await suite.api.rest('GET', `/invoices/${invoice.id}`, { token: suite.tokens.clientA })
  expect(asClient.status).toBe(200)
  expect(asClient.body.paymentEvents?.docs ?? []).toHaveLength(0)
  expect(JSON.stringify(asClient.body)).not.toContain('signature_key')
})

describe('POST /api/invoices/:id/recheck-payment', () => {
  it('lets an admin pick up a payment whose notification never arrived', async () => {
    const { project, invoice, orderId } = await pendingPayment()
    standIn.settle(orderId) // the customer paid; Midtrans' notification got lost
    const result = await suite.api.rest('POST', `/invoices/${invoice.id}/recheck-payment`, { token: suite.tokens.admin })
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ orderId, status: 'settlement', result: 'paid' })
    const after = await state(invoice.id, project.id)
    expect(after.invoice.status).toBe('paid')
    expect(after.project.status).toBe('in_progress')
    expect(after.receipts).toHaveLength(1)
    expect(after.events.some((event) => event.result === 'admin re-check: paid')).toBe(true)
    const again = await suite.api.rest('POST', `/invoices/${invoice.id}/recheck-payment`, { token: suite.tokens.admin })
    expect(again.body.result).toMatch(/duplicate/)
    expect((await state(invoice.id, project.id)).receipts).toHaveLength(1)
  })

  it('is for admins only', async () => {
    const { invoice } = await pendingPayment()
    for (const actor of ['clientA', 'clientB', 'editor'] as const) {
      expect((await suite.api.rest('POST', `/invoices/${invoice.id}/recheck-payment`, { token: suite.tokens[actor] })).status).toBe(403)
    }
    expect((await suite.api.rest('POST', `/invoices/${invoice.id}/recheck-payment`)).status).toBe(403)
  })

  it('answers 503 when Midtrans is down and changes nothing', async () => {
    const { project, invoice, orderId } = await pendingPayment()
    standIn.settle(orderId)
    standIn.mode = 'down'
    const result = await suite.api.rest('POST', `/invoices/${invoice.id}/recheck-payment`, { token: suite.tokens.admin })
    expect(result.status).toBe(503)
    expect((await state(invoice.id, project.id)).invoice.status).toBe('unpaid')
  })
})
