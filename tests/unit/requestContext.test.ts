import { BadRequest, errorResponse } from '../../lib/errors'
import { currentRequestId, requestContext, requestIdFor, requestIdLogFields } from '../../lib/requestContext'

describe('request ids', () => {
  it('keep a caller’s id when it is a plain token, and make one otherwise', () => {
    expect(requestIdFor('lb-7f3a9c12-0001')).toBe('lb-7f3a9c12-0001')
    for (const bad of [undefined, null, '', 'short', 'has spaces in it', '<script>alert(1)</script>', 'x'.repeat(129), ['a-list-of-ids', 'b']]) {
      const made = requestIdFor(bad as string | undefined)
      expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    }
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined))
  })

  it('follow the work of a request through awaits, and only that request', async () => {
    expect(currentRequestId()).toBeUndefined()
    expect(requestIdLogFields()).toEqual({})
    const seen = await Promise.all(
      ['request-aaaa-0001', 'request-bbbb-0002'].map((requestId) =>
        requestContext.run({ requestId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          return { id: currentRequestId(), log: requestIdLogFields() }
        }),
      ),
    )
    expect(seen).toEqual([
      { id: 'request-aaaa-0001', log: { requestId: 'request-aaaa-0001' } },
      { id: 'request-bbbb-0002', log: { requestId: 'request-bbbb-0002' } },
    ])
  })

  it('are in the error answers of our endpoints', async () => {
    const response = await requestContext.run({ requestId: 'request-cccc-0003' }, async () => errorResponse(new BadRequest('limit: must be a number')))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: [{ message: 'limit: must be a number' }], requestId: 'request-cccc-0003' })
  })
})
