import { servesOutsideNext } from '../../endpoints/restOutsideNext'
import { SITE_TAGS } from '../../src/lib/site/cacheTags'

const served = (method: string | undefined, url: string | undefined, headers: Record<string, string> = {}) => servesOutsideNext({ method, url, headers })

describe('which API requests server.ts answers without Next', () => {
  it('collection and custom routes, reads and writes', () => {
    for (const [method, url] of [
      ['GET', '/api/projects?depth=1&limit=100'],
      ['GET', '/api/users/me'],
      ['POST', '/api/users/login'],
      ['PATCH', '/api/projects/7'],
      ['DELETE', '/api/notifications/3'],
      ['POST', '/api/invoices/42/pay'],
      ['GET', '/api/admin/bi/summary?from=2025-01-01'],
      ['OPTIONS', '/api/projects'],
      ['GET', '/api/posts?where[slug][equals]=x'],
    ] as const) {
      expect([method, url, served(method, url)]).toEqual([method, url, true])
    }
  })

  it('a POST read as a GET (method override) on a site collection is a read', () => {
    expect(served('POST', '/api/pricing', { 'x-http-method-override': 'GET' })).toBe(true)
    expect(served('POST', '/api/posts', { 'x-payload-http-method-override': 'get' })).toBe(true)
    expect(served('POST', '/api/posts', { 'x-http-method-override': 'DELETE' })).toBe(false)
  })

  it("leave GraphQL, Next's own routes, HEAD, pages and writes to the public site's collections to Next", () => {
    const writes = Object.keys(SITE_TAGS).flatMap((slug) => [
      ['POST', `/api/${slug}`],
      ['PATCH', `/api/${slug}/1`],
      ['PATCH', `/api/${slug}?where[id][equals]=1`],
      ['DELETE', `/api/${slug}/1`],
    ])
    for (const [method, url] of [
      ...writes,
      ['POST', '/api/graphql'],
      ['GET', '/api/graphql-playground'],
      ['GET', '/api/og?title=x'],
      ['HEAD', '/api/projects'],
      ['GET', '/api'],
      ['GET', '/api/'],
      ['GET', '/portal'],
      ['GET', '/apiary'],
      ['GET', '/admin/collections/projects'],
      [undefined, '/api/projects'],
      ['GET', undefined],
    ] as const) {
      expect([method, url, served(method, url)]).toEqual([method, url, false])
    }
  })
})
