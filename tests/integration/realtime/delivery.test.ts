import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Project } from '../../../payload-types'
import type { RealtimeEvent } from '../../../realtime/protocol'
import { actingAs, createProject, moveProjectTo } from '../../helpers/fixtures'
import { connectClient, sleep, startRealtime, websocketToken, type RealtimeHarness, type TestClient } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let harness: RealtimeHarness
let owner: TestClient
let admin: TestClient
let editor: TestClient

beforeAll(async () => {
  harness = await startRealtime(suite.ctx)
  owner = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.clientA) })
  admin = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.admin) })
  editor = await connectClient(harness.url, { token: await websocketToken(suite.api, suite.tokens.editor) })
})
afterAll(async () => {
  for (const client of [owner, admin, editor]) client?.close()
  await harness?.close()
})

const forProject = (projectId: number) => (event: RealtimeEvent) => event.payload.data.projectId === projectId
/** The move to review (projects made by freshProject('in_progress') already have an event for in_progress). */
const toReview = (projectId: number) => (event: RealtimeEvent) => forProject(projectId)(event) && event.payload.data.to === 'review'

async function freshProject(status: Project['status'] = 'pending_payment'): Promise<Project> {
  const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, `Proyek ${Math.random().toString(36).slice(2, 8)}`)
  return status === 'pending_payment' ? project : moveProjectTo(suite.ctx.payload, project, status)
}

describe('a status change made through REST', () => {
  it('reaches the owner and the admins as project_update within a second, stored first', async () => {
    const project = await freshProject('in_progress')
    const sentAt = Date.now()
    const response = await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'review', transitionNote: 'Silakan dicek' } })
    expect(response.status).toBe(200)
    const [toOwner, toAdmin] = await Promise.all([
      owner.waitFor<RealtimeEvent>('project_update', (event) => forProject(project.id)(event) && event.payload.data.to === 'review', 1000),
      admin.waitFor<RealtimeEvent>('project_update', (event) => forProject(project.id)(event) && event.payload.data.to === 'review', 1000),
    ])
    expect(Date.now() - sentAt).toBeLessThan(1000)
    expect(toOwner).toEqual(toAdmin)
    expect(toOwner).toMatchObject({
      type: 'project_update',
      payload: { priority: 'high', body: 'Silakan dicek', audience: { user: suite.world.clientA.id }, data: { projectId: project.id, from: 'in_progress', to: 'review' } },
    })
    const stored = await suite.ctx.payload.findByID({ collection: 'notifications', id: toOwner.id, overrideAccess: true, depth: 0 })
    expect(stored).toMatchObject({ recipient: suite.world.clientA.id, type: 'project_update' })
    expect(new Date(toOwner.timestamp).toISOString()).toBe(stored.createdAt)
  })

  it('reaches each socket once, even one in several of the event\'s rooms', async () => {
    const project = await freshProject('in_progress')
    expect(await admin.emitWithAck('project:join', { projectId: project.id })).toMatchObject({ ok: true })
    expect(await owner.emitWithAck('project:join', { projectId: project.id })).toMatchObject({ ok: true })
    await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'review' } })
    await owner.waitFor<RealtimeEvent>('project_update', toReview(project.id))
    await sleep(300)
    expect(admin.events('project_update').filter(toReview(project.id))).toHaveLength(1)
    expect(owner.events('project_update').filter(toReview(project.id))).toHaveLength(1)
  })

  it('reaches nobody who is neither the owner nor an admin', async () => {
    const project = await freshProject('in_progress')
    await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'review' } })
    await owner.waitFor('project_update', toReview(project.id))
    await sleep(300)
    expect(editor.events().filter(forProject(project.id))).toEqual([])
  })

  it('sends nothing for a refused transition', async () => {
    const project = await freshProject('in_progress')
    const response = await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'completed' } })
    expect(response.status).toBe(400)
    await sleep(500)
    expect(owner.events().filter((event) => forProject(project.id)(event) && event.payload.data.to === 'completed')).toEqual([])
  })
})

describe('after commit, never before', () => {
  async function changeInTransaction(project: Project, outcome: 'commit' | 'rollback') {
    const req = await createLocalReq({ user: actingAs(suite.world.admin) }, suite.ctx.payload)
    await initTransaction(req)
    await suite.ctx.payload.update({ collection: 'projects', id: project.id, data: { status: 'review' }, req, overrideAccess: true })
    // The hook has stored the event inside the transaction; nothing may be out yet.
    await sleep(300)
    expect(owner.events().filter(toReview(project.id))).toEqual([])
    if (outcome === 'commit') await commitTransaction(req)
    else await killTransaction(req)
  }

  it('emits a change once its transaction commits', async () => {
    const project = await freshProject('in_progress')
    await changeInTransaction(project, 'commit')
    const event = await owner.waitFor<RealtimeEvent>('project_update', toReview(project.id), 1000)
    expect(event.payload.data.from).toBe('in_progress')
  })

  it('emits nothing, and stores nothing, for a change that rolls back', async () => {
    const project = await freshProject('in_progress')
    await changeInTransaction(project, 'rollback')
    await sleep(1000)
    expect(owner.events().filter(toReview(project.id))).toEqual([])
    expect(admin.events().filter(toReview(project.id))).toEqual([])
    const stored = await suite.ctx.payload.find({ collection: 'notifications', where: { and: [{ 'data.projectId': { equals: project.id } }, { 'data.to': { equals: 'review' } }] }, overrideAccess: true })
    expect(stored.totalDocs).toBe(0)
    expect((await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })).status).toBe('in_progress')
  })
})

describe('payments', () => {
  it('an invoice marked paid: the owner gets payment_update and project_update, admins too', async () => {
    const { project, invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Dibayar')
    await suite.api.rest('PATCH', `/invoices/${invoice.id}`, { token: suite.tokens.admin, body: { status: 'paid' } })
    const paid = await owner.waitFor<RealtimeEvent>('payment_update', (event) => event.payload.data.invoiceId === invoice.id, 1000)
    expect(paid.payload).toMatchObject({ priority: 'high', data: { projectId: project.id } })
    await owner.waitFor<RealtimeEvent>('project_update', (event) => forProject(project.id)(event) && event.payload.data.to === 'in_progress', 1000)
    await admin.waitFor<RealtimeEvent>('payment_update', (event) => event.payload.data.invoiceId === invoice.id, 1000)
  })

  it("a payment attempt that expires: payment_update with the attempt's status", async () => {
    const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'QR kedaluwarsa')
    const attempt = { orderId: `${invoice.number}-1-abcdef`, midtransStatus: 'pending', qrString: 'qr', createdAt: new Date().toISOString() }
    await suite.ctx.payload.update({ collection: 'invoices', id: invoice.id, data: { paymentAttempts: [attempt] }, overrideAccess: true })
    await sleep(300)
    // Starting a payment is the client's own action: no event for the new attempt.
    expect(owner.events('payment_update').filter((event) => event.payload.data.invoiceId === invoice.id)).toEqual([])
    await suite.ctx.payload.update({ collection: 'invoices', id: invoice.id, data: { paymentAttempts: [{ ...attempt, midtransStatus: 'expire' }] }, overrideAccess: true })
    const event = await owner.waitFor<RealtimeEvent>('payment_update', (candidate) => candidate.payload.data.invoiceId === invoice.id, 1000)
    expect(event.payload).toMatchObject({ priority: 'low', data: { orderId: attempt.orderId, attemptStatus: 'expire', status: 'unpaid' } })
    expect(event.payload.title).toMatch(/kedaluwarsa/)
  })

  it('an invoice cancelled by an admin: payment_update with the new status', async () => {
    const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Dibatalkan')
    await suite.api.rest('PATCH', `/invoices/${invoice.id}`, { token: suite.tokens.admin, body: { status: 'cancelled' } })
    const event = await owner.waitFor<RealtimeEvent>('payment_update', (candidate) => candidate.payload.data.invoiceId === invoice.id, 1000)
    expect(event.payload.data).toMatchObject({ status: 'cancelled', from: 'unpaid' })
  })
})

describe('notifications and announcements', () => {
  it('a notification an admin adds for a user arrives as notification', async () => {
    const response = await suite.api.rest('POST', '/notifications', { token: suite.tokens.admin, body: { recipient: suite.world.clientA.id, title: 'Halo A', type: 'message' } })
    expect(response.status).toBe(201)
    const event = await owner.waitFor<RealtimeEvent>('notification', (candidate) => candidate.id === response.body.doc.id, 1000)
    expect(event.payload).toMatchObject({ title: 'Halo A', audience: { user: suite.world.clientA.id } })
  })

  it('an admin_alert for the admins reaches admins only', async () => {
    const response = await suite.api.rest('POST', '/notifications', { token: suite.tokens.admin, body: { recipientRole: 'admin', title: 'Waspada', type: 'admin_alert', priority: 'critical' } })
    const event = await admin.waitFor<RealtimeEvent>('admin_alert', (candidate) => candidate.id === response.body.doc.id, 1000)
    expect(event.payload).toMatchObject({ priority: 'critical', audience: { role: 'admin' } })
    await sleep(300)
    expect(owner.events('admin_alert')).toEqual([])
    expect(editor.events('admin_alert')).toEqual([])
  })

  it('a published announcement goes to its audience as system_notification with its priority', async () => {
    const response = await suite.api.rest('POST', '/announcements', { token: suite.tokens.admin, body: { title: 'Libur', body: 'Kantor tutup', audience: 'clients', priority: 'high' } })
    expect(response.status).toBe(201)
    const event = await owner.waitFor<RealtimeEvent>('system_notification', (candidate) => candidate.payload.data.announcementId === response.body.doc.id, 1000)
    expect(event.payload).toMatchObject({ title: 'Libur', body: 'Kantor tutup', priority: 'high', audience: { role: 'client' } })
    await sleep(300)
    expect(admin.events('system_notification').filter((candidate) => candidate.payload.data.announcementId === response.body.doc.id)).toEqual([])
    expect(response.body.doc.notifiedAt).toBeTruthy()
  })

  it('an announcement for everyone reaches every role once; editing it sends nothing again', async () => {
    const response = await suite.api.rest('POST', '/announcements', { token: suite.tokens.admin, body: { title: 'Untuk semua', body: 'Isi', audience: 'all' } })
    const id = response.body.doc.id
    for (const client of [owner, admin, editor]) await client.waitFor<RealtimeEvent>('system_notification', (candidate) => candidate.payload.data.announcementId === id, 1000)
    await suite.api.rest('PATCH', `/announcements/${id}`, { token: suite.tokens.admin, body: { title: 'Untuk semua (ralat)' } })
    await sleep(500)
    for (const client of [owner, admin, editor]) expect(client.events('system_notification').filter((candidate) => candidate.payload.data.announcementId === id)).toHaveLength(1)
  })

  it('a scheduled announcement goes out when its job runs at publishAt', async () => {
    const publishAt = new Date(Date.now() + 1500).toISOString()
    const response = await suite.api.rest('POST', '/announcements', { token: suite.tokens.admin, body: { title: 'Nanti', body: 'Terjadwal', audience: 'clients', publishAt } })
    const id = response.body.doc.id
    expect(response.body.doc.notifiedAt ?? null).toBeNull()
    await suite.ctx.payload.jobs.run({ where: { taskSlug: { equals: 'publishAnnouncement' } } })
    await sleep(300)
    expect(owner.events('system_notification').filter((candidate) => candidate.payload.data.announcementId === id)).toEqual([])
    await sleep(1500)
    await suite.ctx.payload.jobs.run({ where: { taskSlug: { equals: 'publishAnnouncement' } } })
    await owner.waitFor<RealtimeEvent>('system_notification', (candidate) => candidate.payload.data.announcementId === id, 1000)
  })
})
