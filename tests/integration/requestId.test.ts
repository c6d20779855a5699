/**
 * Payload's own error answers (REST and GraphQL) name the request they answer, by the
 * X-Request-Id header server.ts gives every request (here sent by hand: these calls go to
 * the route handlers without server.ts).
 */
import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()
const REQUEST_ID = 'integration-request-0001'

describe('request ids in error answers', () => {
  it('REST: a refused read and a malformed id carry the request id', async () => {
    const forbidden = await suite.api.rest('GET', `/projects/${suite.world.projectB.id}`, { token: suite.tokens.clientA, headers: { 'x-request-id': REQUEST_ID } })
    expect(forbidden.status).toBeGreaterThanOrEqual(400)
    expect(forbidden.status).toBeLessThan(500)
    expect(forbidden.body.requestId).toBe(REQUEST_ID)
    expect(forbidden.body.errors[0].message).toEqual(expect.any(String))

    const malformed = await suite.api.rest('GET', '/projects/abc', { token: suite.tokens.admin, headers: { 'x-request-id': REQUEST_ID } })
    expect(malformed.status).toBe(400)
    expect(malformed.body.requestId).toBe(REQUEST_ID)
  })

  it('has no request id to give when none was assigned', async () => {
    const forbidden = await suite.api.rest('GET', `/projects/${suite.world.projectB.id}`, { token: suite.tokens.clientA })
    expect(forbidden.body.requestId).toBeUndefined()
  })
})
