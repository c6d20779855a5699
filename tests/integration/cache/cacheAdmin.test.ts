import os from 'node:os'

import { invalidateBiCache } from '../../../bi/biCache'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()

const Q1 = 'from=2025-01-01&to=2025-03-31&granularity=month'
const SUMMARY_KEY = 'bi:summary:2025-01-01:2025-03-31:month'

const get = (path: string, token = suite.tokens.admin) => suite.api.rest('GET', path, { token })
const manage = (body: unknown, token = suite.tokens.admin) => suite.api.rest('POST', '/admin/cache-manage', { token, body })
const biStats = async () => {
  const { status, body } = await get('/admin/cache')
  expect(status).toBe(200)
  return body.caches.find((cache: { name: string }) => cache.name === 'bi')
}
const prefixes = (bi: { byPrefix: { prefix: string; entries: number }[] }) => Object.fromEntries(bi.byPrefix.map((group) => [group.prefix, group.entries]))

beforeEach(() => invalidateBiCache())

describe('GET /api/admin/cache', () => {
  it('counts a miss then a hit on a BI report, and shows its key, size and TTL for this instance', async () => {
    const before = await biStats()
    expect(before).toMatchObject({ entries: 0, approxBytes: 0, byPrefix: [], ttlSeconds: 300, maxEntries: 500 })

    expect((await get(`/admin/bi/summary?${Q1}`)).body.cached).toBe(false)
    const afterMiss = await biStats()
    expect(afterMiss.misses).toBe(before.misses + 1)
    expect(afterMiss.hits).toBe(before.hits)

    expect((await get(`/admin/bi/summary?${Q1}`)).body.cached).toBe(true)
    const { body } = await get('/admin/cache')
    const bi = body.caches.find((cache: { name: string }) => cache.name === 'bi')
    expect(bi.hits).toBe(before.hits + 1)
    expect(bi.misses).toBe(before.misses + 1)
    expect(bi.hitRate).toBeCloseTo(bi.hits / (bi.hits + bi.misses))
    expect(bi.entries).toBe(1)
    expect(bi.byPrefix).toEqual([{ prefix: 'bi:summary', entries: 1, approxBytes: bi.approxBytes, keys: [SUMMARY_KEY] }])
    // The key and the report as JSON: a summary is some hundreds of bytes.
    expect(bi.approxBytes).toBeGreaterThan(300)

    expect(body.scope).toBe('instance')
    expect(body.note).toMatch(/this instance/)
    expect(body.instance).toEqual({ id: `${os.hostname()}#${process.pid}`, hostname: os.hostname(), pid: process.pid })
    expect(body.totals).toMatchObject({ entries: 1, hits: bi.hits, misses: bi.misses })
  })

  it('groups keys by prefix', async () => {
    await get(`/admin/bi/summary?${Q1}`)
    await get(`/admin/bi/revenue?${Q1}`)
    await get('/admin/bi/revenue?from=2025-01-01&to=2025-01-31&granularity=day')
    await get('/admin/bi/forecast?horizon=2')
    const bi = await biStats()
    expect(prefixes(bi)).toEqual({ 'bi:revenue': 2, 'bi:summary': 1, 'bi:forecast': 1 })
    expect(bi.byPrefix[0].keys).toEqual(['bi:revenue:2025-01-01:2025-01-31:day', 'bi:revenue:2025-01-01:2025-03-31:month'])
  })

  it('refuses parameters it does not take with a 400 naming them', async () => {
    const { status, body } = await get('/admin/cache?prefix=bi')
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain('prefix')
  })
})

describe('POST /api/admin/cache-manage', () => {
  it('invalidates only the keys under a prefix, and audit-logs who did it', async () => {
    await get(`/admin/bi/summary?${Q1}`)
    await get(`/admin/bi/revenue?${Q1}`)
    await get('/admin/bi/revenue?from=2025-01-01&to=2025-01-31&granularity=day')
    const before = await biStats()

    const { status, body } = await manage({ action: 'invalidate', prefix: 'bi:revenue' })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      action: 'invalidate',
      prefix: 'bi:revenue',
      removed: 2,
      caches: [{ name: 'bi', removed: 2, keys: ['bi:revenue:2025-01-01:2025-01-31:day', 'bi:revenue:2025-01-01:2025-03-31:month'] }],
      scope: 'instance',
      instance: { pid: process.pid },
      audited: true,
    })

    const after = await biStats()
    expect(prefixes(after)).toEqual({ 'bi:summary': 1 })
    expect(after.invalidations).toBe(before.invalidations + 1)
    expect(after.invalidatedEntries).toBe(before.invalidatedEntries + 2)
    expect((await get(`/admin/bi/summary?${Q1}`)).body.cached).toBe(true)
    expect((await get(`/admin/bi/revenue?${Q1}`)).body.cached).toBe(false)

    const audit = await suite.ctx.payload.find({ collection: 'audit-log', where: { action: { equals: 'cache_invalidate' } }, sort: '-id', limit: 1, depth: 0, overrideAccess: true })
    expect(audit.docs[0]).toMatchObject({ targetCollection: 'cache', targetId: 'bi:revenue', actorEmail: suite.world.admin.email })
    expect(audit.docs[0]!.summary).toContain('2 entries removed')
  })

  it('invalidates everything without a prefix (or with a cache name)', async () => {
    await get(`/admin/bi/summary?${Q1}`)
    await get(`/admin/bi/users?${Q1}`)
    const { status, body } = await manage({ action: 'invalidate' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ prefix: null, removed: 2 })
    expect((await biStats()).entries).toBe(0)

    await get(`/admin/bi/projects?${Q1}`)
    expect((await manage({ action: 'invalidate', prefix: 'bi' })).body).toMatchObject({ prefix: 'bi', removed: 1 })
    expect((await biStats()).entries).toBe(0)
  })

  it('removes nothing, and says so, when no key has the prefix', async () => {
    await get(`/admin/bi/summary?${Q1}`)
    const { status, body } = await manage({ action: 'invalidate', prefix: 'bi:users' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ removed: 0, caches: [{ name: 'bi', removed: 0, keys: [] }] })
    expect((await biStats()).entries).toBe(1)
  })

  describe('refuses bad bodies with a 400 naming the field, and changes nothing', () => {
    it.each([
      ['an unknown action', { action: 'purge' }, 'action'],
      ['the other shape', { action: 'invalidate-all' }, 'action'],
      ['no action', {}, 'action'],
      ['a numeric action', { action: 1 }, 'action'],
      ['a numeric prefix', { action: 'invalidate', prefix: 5 }, 'prefix'],
      ['an empty prefix', { action: 'invalidate', prefix: '' }, 'prefix'],
      ['a prefix with spaces', { action: 'invalidate', prefix: 'bi summary' }, 'prefix'],
      ['a prefix of no cache', { action: 'invalidate', prefix: 'sessions:' }, 'prefix'],
      ['an extra key', { action: 'invalidate', prefx: 'bi:summary' }, 'prefx'],
      ['an array', [{ action: 'invalidate' }], 'body'],
    ])('%s', async (_case, body, field) => {
      await get(`/admin/bi/summary?${Q1}`)
      const before = await biStats()
      const response = await manage(body)
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toContain(field)
      const after = await biStats()
      expect(after.entries).toBe(1)
      expect(after.invalidations).toBe(before.invalidations)
    })

    it.each([
      ['not JSON', '{action: invalidate'],
      ['empty', ''],
    ])('a body that is %s', async (_case, rawBody) => {
      await get(`/admin/bi/summary?${Q1}`)
      const response = await suite.api.rest('POST', '/admin/cache-manage', { token: suite.tokens.admin, rawBody })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toContain('JSON')
      expect((await biStats()).entries).toBe(1)
    })
  })
})

describe('access', () => {
  it('keeps both endpoints to admins: 401 anonymous, 403 editor and client', async () => {
    await get(`/admin/bi/summary?${Q1}`)
    expect((await suite.api.rest('GET', '/admin/cache')).status).toBe(401)
    expect((await suite.api.rest('POST', '/admin/cache-manage', { body: { action: 'invalidate' } })).status).toBe(401)
    for (const token of [suite.tokens.editor, suite.tokens.clientA]) {
      const stats = await get('/admin/cache', token)
      expect(stats.status).toBe(403)
      expect(JSON.stringify(stats.body)).not.toContain('bi:summary')
      expect((await manage({ action: 'invalidate' }, token)).status).toBe(403)
    }
    expect((await biStats()).entries).toBe(1)
  })
})
