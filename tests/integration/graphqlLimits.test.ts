/**
 * GraphQL's own limits besides Payload's maxComplexity: nesting depth and aliases, refused
 * before anything runs, with a message naming the limit.
 */
import { GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_DEPTH } from '../../graphql/graphqlLimits'
import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()

const messages = (body: { errors?: { message: string }[] }) => (body.errors ?? []).map((error) => error.message).join(' | ')

it('answers the deepest real query (payment event → invoice → project → history → user)', async () => {
  const result = await suite.api.graphql('{ PaymentEvents { docs { invoice { project { statusHistory { by { id } } } } } } }', { token: suite.tokens.admin })
  expect(result.body.errors).toBeUndefined()
  expect(Array.isArray(result.body.data.PaymentEvents.docs)).toBe(true)
})

// Payload answers GraphQL errors with 200 and an errors list (GraphQL over HTTP allows it); never a 500, never data.
const refusedWith = (result: { status: number; body: { errors?: { message: string }[]; data?: unknown } }, message: string) => {
  expect(result.status).toBeLessThan(500)
  expect(messages(result.body)).toContain(message)
  expect(result.body.data ?? null).toBeNull()
}

it(`refuses a query nested deeper than ${GRAPHQL_MAX_DEPTH} levels, counting through fragments`, async () => {
  const nest = (levels: number): string => (levels === 0 ? 'id' : `project { statusHistory { by { ${nest(levels - 1)} } } }`)
  refusedWith(await suite.api.graphql(`{ Invoices { docs { ${nest(3)} } } }`, { token: suite.tokens.admin }), `Query depth limit of ${GRAPHQL_MAX_DEPTH} exceeded`)

  const viaFragments = await suite.api.graphql(
    `fragment Deep on User { a { b { c { d { e { id } } } } } }
     { PaymentEvents { docs { invoice { project { statusHistory { by { ...Deep } } } } } } }`,
    { token: suite.tokens.admin },
  )
  refusedWith(viaFragments, `Query depth limit of ${GRAPHQL_MAX_DEPTH} exceeded`)
})

it(`allows ${GRAPHQL_MAX_ALIASES} aliases and refuses one more`, async () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: Projects(limit: 1) { docs { id } }`).join(' ')} }`
  const allowed = await suite.api.graphql(aliased(GRAPHQL_MAX_ALIASES), { token: suite.tokens.clientA })
  expect(allowed.body.errors).toBeUndefined()
  expect(Object.keys(allowed.body.data)).toHaveLength(GRAPHQL_MAX_ALIASES)

  refusedWith(await suite.api.graphql(aliased(GRAPHQL_MAX_ALIASES + 1), { token: suite.tokens.clientA }), `Aliases limit of ${GRAPHQL_MAX_ALIASES} exceeded`)
})
