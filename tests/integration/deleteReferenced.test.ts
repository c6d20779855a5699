/**
 * Deleting what other documents require (a pricing tier projects use, a client who owns
 * projects, a project with invoices, an image a template shows) is refused with a 409 that
 * says what still uses it, by REST and GraphQL, and changes nothing.
 */
import { mapDatabaseInputErrors } from '../../hooks/mapDatabaseInputErrors'
import { requiredReferencesTo } from '../../hooks/refuseDeletingReferenced'
import { createTier } from '../helpers/fixtures'
import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()

describe('deleting what others still use', () => {
  it('finds the required relationships in the config', () => {
    const pointingAt = (target: string) => requiredReferencesTo(suite.ctx.payload, target).map(({ collection, field }) => `${collection}.${field}`)
    expect(pointingAt('pricing')).toEqual(['projects.pricingTier'])
    expect(pointingAt('projects')).toEqual(['invoices.project'])
    expect(pointingAt('users')).toContain('projects.owner')
    expect(pointingAt('media')).toContain('templates.image')
  })

  it.each([
    ['a pricing tier its projects use', 'pricing', () => suite.world.tier.id, 'projects', 'pricingTier', 'proyek'],
    ['a client who owns a project', 'users', () => suite.world.clientA.id, 'projects', 'owner', 'proyek'],
    ['a project with an invoice', 'projects', () => suite.world.projectA.id, 'invoices', 'project', 'tagihan'],
  ] as const)('refuses %s with 409, says what uses it, and keeps it', async (_name, collection, id, usedIn, field, label) => {
    const { totalDocs } = await suite.ctx.payload.count({ collection: usedIn, where: { [field]: { equals: id() } }, overrideAccess: true })
    expect(totalDocs).toBeGreaterThan(0)
    const response = await suite.api.rest('DELETE', `/${collection}/${id()}`, { token: suite.tokens.admin })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toContain(`Tidak dapat dihapus: masih dipakai oleh ${totalDocs} ${label}`)
    const still = await suite.api.rest('GET', `/${collection}/${id()}`, { token: suite.tokens.admin })
    expect(still.status).toBe(200)
  })

  it('refuses through GraphQL too', async () => {
    const { status, body } = await suite.api.graphql(`mutation { deletePricing(id: ${suite.world.tier.id}) { id } }`, { token: suite.tokens.admin })
    expect(status).toBe(200)
    expect(body.errors[0].message).toMatch(/^Tidak dapat dihapus/)
    expect(body.data?.deletePricing ?? null).toBeNull()
  })

  it('deletes a pricing tier nothing uses', async () => {
    const unused = await createTier(suite.ctx.payload, 9_900_000)
    const response = await suite.api.rest('DELETE', `/pricing/${unused.id}`, { token: suite.tokens.admin })
    expect(response.status).toBe(200)
    expect((await suite.api.rest('GET', `/pricing/${unused.id}`, { token: suite.tokens.admin })).status).toBe(404)
  })

  it('answers 409, not 500, for a reference the hook did not see (the database refused the delete)', () => {
    const error = Object.assign(new Error('Failed query: delete from "pricing" where "pricing"."id" = $1'), {
      query: 'delete from "pricing" where "pricing"."id" = $1',
      cause: Object.assign(new Error('null value in column "pricing_tier_id" of relation "projects" violates not-null constraint'), { code: '23502' }),
    })
    const mapped = mapDatabaseInputErrors({ error } as never) as { status: number; response: { errors: { message: string }[] } }
    expect(mapped.status).toBe(409)
    expect(mapped.response.errors[0]!.message).toMatch(/still used by other records/)
    // The same error from an insert is not about a reference: left to Payload.
    expect(mapDatabaseInputErrors({ error: Object.assign(new Error('x'), { query: 'insert into "projects" …', cause: error.cause }) } as never)).toBeUndefined()
  })
})
