import { customRoutes } from '../../endpoints'
import { API_VERSIONS, versionRouter } from '../../versioning/apiVersions'

const routes = customRoutes({ isProduction: false })

describe('API versions', () => {
  const route = versionRouter(routes)

  it('alias /api/v1/<custom endpoint> to /api/<custom endpoint>, query and ids kept', () => {
    expect(route('/api/v1/admin/bi/summary?from=2025-01-01&to=2025-03-31')).toEqual({ kind: 'alias', url: '/api/admin/bi/summary?from=2025-01-01&to=2025-03-31', headers: [['API-Version', 'v1']] })
    expect(route('/api/v1/invoices/42/pay')).toMatchObject({ kind: 'alias', url: '/api/invoices/42/pay' })
    expect(route('/api/v1/webhooks/midtrans')).toMatchObject({ kind: 'alias', url: '/api/webhooks/midtrans' })
  })

  it('alias every custom endpoint there is', () => {
    for (const { path } of routes) expect(route(`/api/v1${path.replace(':id', '7')}`).kind).toBe('alias')
  })

  it('leave unversioned paths alone', () => {
    for (const url of ['/api/projects/1', '/api/admin/bi/summary', '/portal', '/api/v1x/health', '/api/graphql']) expect(route(url)).toEqual({ kind: 'unversioned' })
  })

  it('refuse an unknown version and a path v1 does not cover, saying why', () => {
    expect(route('/api/v9/admin/bi/summary')).toMatchObject({ kind: 'refused', status: 404, message: expect.stringContaining('Unknown API version v9') })
    expect(route('/api/v1/projects/1')).toMatchObject({ kind: 'refused', status: 404, message: expect.stringContaining('Collection routes are unversioned: /api/projects/1') })
    expect(route('/api/v1/invoices/42/pay/extra')).toMatchObject({ kind: 'refused', status: 404 })
  })

  it('announce a deprecated version with Deprecation, Sunset and Link, and retire it with 410 after the sunset', () => {
    const versions = { ...API_VERSIONS, v1: { deprecatedOn: '2027-01-01', sunsetOn: '2027-07-01', successor: 'v2' }, v2: {} }
    const before = versionRouter(routes, versions, () => new Date('2027-03-01T00:00:00Z'))('/api/v1/admin/bi/summary')
    expect(before).toEqual({
      kind: 'alias',
      url: '/api/admin/bi/summary',
      headers: [
        ['API-Version', 'v1'],
        ['Deprecation', `@${Date.UTC(2027, 0, 1) / 1000}`],
        ['Sunset', 'Thu, 01 Jul 2027 00:00:00 GMT'],
        ['Link', '</api/v2/admin/bi/summary>; rel="successor-version"'],
      ],
    })
    const after = versionRouter(routes, versions, () => new Date('2027-07-01T00:00:00Z'))('/api/v1/admin/bi/summary')
    expect(after).toMatchObject({ kind: 'refused', status: 410, message: 'API v1 was retired on 2027-07-01; use v2.' })
  })
})
