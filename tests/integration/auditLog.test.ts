import { createProject, moveProjectTo } from '../helpers/fixtures'
import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()

const auditOf = async (collection: string, id: number) =>
  (
    await suite.ctx.payload.find({
      collection: 'audit-log',
      where: { and: [{ targetCollection: { equals: collection } }, { targetId: { equals: String(id) } }] },
      sort: 'id',
      overrideAccess: true,
      depth: 0,
    })
  ).docs

describe('the audit log', () => {
  it('records who changed what on a project, from which address, in the same transaction', async () => {
    const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek audit')
    const inProgress = await moveProjectTo(suite.ctx.payload, project, 'in_progress')
    const before = await auditOf('projects', project.id)
    const response = await suite.api.rest('PATCH', `/projects/${inProgress.id}`, {
      token: suite.tokens.admin,
      body: { status: 'review', notes: 'siap ditinjau' },
      headers: { 'x-jasaweb-client-ip': '203.0.113.7' },
    })
    expect(response.status).toBe(200)
    const after = await auditOf('projects', project.id)
    expect(after).toHaveLength(before.length + 1)
    const entry = after.at(-1)!
    expect(entry).toMatchObject({ action: 'update', actor: suite.world.admin.id, actorEmail: suite.world.admin.email, ip: '203.0.113.7' })
    expect(entry.summary).toMatch(/^changed: /)
    expect(entry.summary).toContain('status')
    expect(entry.summary).toContain('notes')
    expect(Math.abs(Date.now() - new Date(entry.at).getTime())).toBeLessThan(60_000)
  })

  it('keeps nothing of a change that was refused and rolled back', async () => {
    const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek ditolak')
    const before = await auditOf('projects', project.id)
    // pending_payment → completed is not a move anyone may make.
    const response = await suite.api.rest('PATCH', `/projects/${project.id}`, { token: suite.tokens.admin, body: { status: 'completed' } })
    expect(response.status).toBe(400)
    expect(await auditOf('projects', project.id)).toEqual(before)
  })

  it('records creations by the system with no actor', async () => {
    const { project } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek sistem')
    const [created] = await auditOf('projects', project.id)
    expect(created).toMatchObject({ action: 'create', summary: 'created', actorEmail: 'system' })
    expect(created!.actor ?? null).toBeNull()
  })
})
