import { createProject, moveProjectTo } from '../helpers/fixtures'
import { useWorldSuite } from '../helpers/worldSuite'
import { PROJECT_STATUSES, PROJECT_TRANSITIONS } from '../../projects/statusFlow'
import type { Project } from '../../payload-types'

const suite = useWorldSuite()

async function freshProjectIn(status: Project['status']): Promise<Project> {
  const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, `Proyek ${status}`)
  return moveProjectTo(suite.ctx.payload, project, status)
}

const adminEdges = PROJECT_STATUSES.flatMap((from) =>
  PROJECT_STATUSES.filter((to) => to !== from).map((to) => ({
    from,
    to,
    allowed: PROJECT_TRANSITIONS[from].some((t) => t.to === to && t.actors.includes('admin')),
  })),
)

describe('project status flow through REST as an admin', () => {
  it.each(adminEdges)('$from → $to (allowed: $allowed)', async ({ from, to, allowed }) => {
    const project = await freshProjectIn(from)
    const historyBefore = project.statusHistory?.length ?? 0
    const result = await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: to, transitionNote: 'catatan uji' } })
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    if (allowed) {
      expect(result.status).toBe(200)
      expect(stored.status).toBe(to)
      expect(stored.statusHistory).toHaveLength(historyBefore + 1)
      const last = stored.statusHistory!.at(-1)!
      expect(last).toMatchObject({ from, to, note: 'catatan uji' })
      expect(typeof last.by === 'object' ? last.by?.id : last.by).toBe(suite.world.admin.id)
      expect(Date.now() - new Date(last.at).getTime()).toBeLessThan(60_000)
    } else {
      expect(result.status).toBe(400)
      const message: string = result.body.errors[0].message
      expect(message).toContain(`dari "${from}" ke "${to}"`)
      for (const next of PROJECT_TRANSITIONS[from].filter((t) => t.actors.includes('admin'))) expect(message).toContain(next.to)
      expect(stored.status).toBe(from)
      expect(stored.statusHistory).toHaveLength(historyBefore)
    }
  })
})

describe('creation', () => {
  it('always starts a project in pending_payment with its first invoice at the tier price', async () => {
    const result = await suite.api.rest('POST', '/projects', {
      token: suite.tokens.admin,
      body: { name: 'Langsung selesai?', owner: suite.world.clientA.id, type: 'berita', status: 'completed', pricingTier: suite.world.tier.id },
    })
    expect(result.status).toBe(201)
    expect(result.body.doc.status).toBe('pending_payment')
    expect(result.body.doc.statusHistory).toHaveLength(1)
    expect(result.body.doc.statusHistory[0]).toMatchObject({ from: 'order', to: 'pending_payment' })
    const invoices = await suite.ctx.payload.find({ collection: 'invoices', where: { project: { equals: result.body.doc.id } }, overrideAccess: true })
    expect(invoices.totalDocs).toBe(1)
    expect(invoices.docs[0]).toMatchObject({ amount: suite.world.tier.price, status: 'unpaid' })
    expect(invoices.docs[0]!.number).toMatch(/^INV-\d{8}-[0-9A-F]{6}$/)
  })

  it('ignores a forged status history sent by an admin and keeps the recorded one', async () => {
    const project = await freshProjectIn('in_progress')
    const result = await suite.api.rest('PATCH', `/projects/${project.id}`, {
      token: suite.tokens.admin,
      body: { statusHistory: [{ from: 'order', to: 'completed', at: new Date().toISOString() }] },
    })
    expect(result.status).toBe(200)
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.statusHistory!.map((entry) => entry.to)).toEqual(['pending_payment', 'in_progress'])
  })
})

describe('POST /api/projects/:id/review', () => {
  it('lets the owner approve a project in review', async () => {
    const project = await freshProjectIn('review')
    const result = await suite.api.rest('POST', `/projects/${project.id}/review`, { token: suite.tokens.clientA, body: { action: 'approve' } })
    expect(result.status).toBe(200)
    expect(result.body.doc.status).toBe('completed')
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.statusHistory!.at(-1)).toMatchObject({ from: 'review', to: 'completed' })
    const by = stored.statusHistory!.at(-1)!.by
    expect(typeof by === 'object' ? by?.id : by).toBe(suite.world.clientA.id)
  })

  it('lets the owner request a revision with a note, back to in_progress', async () => {
    const project = await freshProjectIn('review')
    const result = await suite.api.rest('POST', `/projects/${project.id}/review`, {
      token: suite.tokens.clientA,
      body: { action: 'request_revision', note: 'Warna logo kurang sesuai' },
    })
    expect(result.status).toBe(200)
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.status).toBe('in_progress')
    expect(stored.statusHistory!.at(-1)).toMatchObject({ from: 'review', to: 'in_progress', note: 'Warna logo kurang sesuai' })
  })

  it("refuses another client's project as not found and changes nothing", async () => {
    const project = await freshProjectIn('review')
    const result = await suite.api.rest('POST', `/projects/${project.id}/review`, { token: suite.tokens.clientB, body: { action: 'approve' } })
    expect(result.status).toBe(404)
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.status).toBe('review')
  })

  it('refuses anonymous callers', async () => {
    const project = await freshProjectIn('review')
    const result = await suite.api.rest('POST', `/projects/${project.id}/review`, { body: { action: 'approve' } })
    expect(result.status).toBe(401)
  })

  it.each(['pending_payment', 'in_progress', 'completed'] as const)('refuses a review while the project is %s', async (status) => {
    const project = await freshProjectIn(status)
    const result = await suite.api.rest('POST', `/projects/${project.id}/review`, { token: suite.tokens.clientA, body: { action: 'approve' } })
    expect(result.status).toBe(400)
    expect(result.body.errors[0].message).toContain(`dari "${status}"`)
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.status).toBe(status)
  })

  it.each([
    [{ action: 'request_revision' }, 'note'],
    [{ action: 'request_revision', note: 'x' }, 'at least 3'],
    [{ action: 'publish' }, 'action'],
    [{ action: 'approve', status: 'completed' }, 'status'],
  ])('rejects the body %j with a 400 naming the problem', async (body, hint) => {
    const project = await freshProjectIn('review')
    const result = await suite.api.rest('POST', `/projects/${project.id}/review`, { token: suite.tokens.clientA, body })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.body.errors)).toContain(hint)
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.status).toBe('review')
  })

  it('rejects malformed JSON and malformed ids with a 400', async () => {
    const project = await freshProjectIn('review')
    const malformed = await suite.api.rest('POST', `/projects/${project.id}/review`, { token: suite.tokens.clientA, rawBody: '{"action":' })
    expect(malformed.status).toBe(400)
    const badId = await suite.api.rest('POST', `/projects/abc/review`, { token: suite.tokens.clientA, body: { action: 'approve' } })
    expect(badId.status).toBe(400)
  })

  it('does not let a client move its project by PATCH', async () => {
    const project = await freshProjectIn('review')
    const result = await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.clientA, body: { status: 'completed' } })
    expect(result.status).toBe(403)
    const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
    expect(stored.status).toBe('review')
  })
})
