import type { Pool } from 'pg'

import { sqlExecutor } from '../../../db/sqlExecutor'
import { instrumentPool } from '../../../performance/instrumentPool'
import { persistMinute, pruneMinutes } from '../../../performance/persistMinute'
import { detectCycle } from '../../../performance/analysePerformance'
import { buildPerformanceReport } from '../../../performance/buildPerformanceReport'
import { storeMinute, type MonitorSettings } from '../../../performance/performanceMonitor'
import { performanceState, takeMinute } from '../../../performance/performanceState'
import { readRequestCounts } from '../../../performance/readSeries'
import type { MinuteRow } from '../../../performance/rollUpMinute'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()

const settings: MonitorSettings = {
  PERFORMANCE_RETENTION_DAYS: 35,
  PERFORMANCE_ANOMALY_THRESHOLD: 3,
  PERFORMANCE_ANOMALY_WINDOW_MINUTES: 30,
  PERFORMANCE_ALERT_COOLDOWN_MINUTES: 60,
}

const thisMinute = Math.floor(Date.now() / 60_000) * 60_000
const minuteAt = (offset: number) => new Date(thisMinute + offset * 60_000).toISOString()

/** A quiet minute of one instance: 120 requests, p95 alternating 100/110 ms, 200 MB. */
function row(minute: string, overrides: Partial<MinuteRow> = {}): MinuteRow {
  const even = new Date(minute).getUTCMinutes() % 2 === 0
  return {
    minute,
    instance: 'test-1',
    requests: 120,
    serverErrors: 0,
    clientErrors: 2,
    latencyMean: 40,
    latencyP50: 30,
    latencyP95: even ? 100 : 110,
    latencyP99: 180,
    latencyMax: 250,
    dbQueries: 400,
    dbErrors: 0,
    dbMean: 1.5,
    dbP95: even ? 4 : 5,
    dbMax: 12,
    eventLoopLagMean: 10.2,
    eventLoopLagP99: even ? 12 : 13,
    eventLoopLagMax: 20,
    rssBytes: 200_000_000 + (even ? 0 : 500_000),
    heapUsedBytes: 80_000_000,
    sockets: 4,
    jobsCompleted: 1,
    jobsFailed: 0,
    routes: [{ method: 'GET', route: '/api/projects/:id', requests: 120, errors: 0, mean: 40, p95: even ? 100 : 110 }],
    jobs: { sendEmail: { completed: 1, failed: 0 } },
    ...overrides,
  }
}

const get = (query = '', token: string | undefined = suite.tokens.admin) => suite.api.rest('GET', `/admin/performance-intelligence${query}`, { token })

const alertsFor = async (metric: string) =>
  suite.ctx.sql<{ title: string; recipient_role: string; priority: string; data: Record<string, unknown> }>(
    `SELECT title, recipient_role, priority, data FROM notifications WHERE type = 'admin_alert' AND data->>'anomalyMetric' = $1`,
    [metric],
  )

describe('recording into PostgreSQL', () => {
  it('stores a minute as one row with every figure', async () => {
    const minute = new Date(Date.parse('2026-11-30T08:15:00Z')).toISOString()
    await persistMinute(await sqlExecutor(suite.ctx.payload), row(minute, { instance: 'persist-check', latencyP95: 123.25, rssBytes: 200_000_000, jobs: { sendEmail: { completed: 2, failed: 1 } } }))
    const [stored] = await suite.ctx.sql<Record<string, unknown>>(`SELECT * FROM performance_metrics WHERE instance = 'persist-check'`)
    expect(new Date(stored!.minute as string).toISOString()).toBe(minute)
    expect(Number(stored!.requests)).toBe(120)
    expect(Number(stored!.client_errors)).toBe(2)
    expect(Number(stored!.latency_p95)).toBe(123.25)
    expect(Number(stored!.rss_bytes)).toBe(200_000_000)
    expect(Number(stored!.event_loop_lag_p99)).toBe(13)
    expect(stored!.routes).toEqual([{ method: 'GET', route: '/api/projects/:id', requests: 120, errors: 0, mean: 40, p95: 110 }])
    expect(stored!.jobs).toEqual({ sendEmail: { completed: 2, failed: 1 } })
  })

  it('prunes rows older than the retention, and only those', async () => {
    const db = await sqlExecutor(suite.ctx.payload)
    const now = new Date('2026-12-01T00:00:00Z')
    await persistMinute(db, row('2026-10-01T00:00:00.000Z', { instance: 'prune-old' }))
    await persistMinute(db, row('2026-11-20T00:00:00.000Z', { instance: 'prune-kept' }))
    expect(await pruneMinutes(db, 35, now)).toBe(1)
    const left = await suite.ctx.sql<{ instance: string }>(`SELECT instance FROM performance_metrics WHERE instance LIKE 'prune-%'`)
    expect(left.map((r) => r.instance)).toEqual(['prune-kept'])
  })

  it('times the queries Payload runs on its pool', async () => {
    instrumentPool((suite.ctx.payload.db as unknown as { pool: Pool }).pool)
    takeMinute(Date.now())
    await suite.ctx.payload.find({ collection: 'projects', limit: 1 })
    expect(performanceState().current.db.total).toBeGreaterThan(0)
  })

  it('is closed to the REST API: admins read the rows, nobody writes them', async () => {
    const { tokens, api } = suite
    expect((await api.rest('GET', '/performance-metrics?limit=1', { token: tokens.admin })).status).toBe(200)
    expect((await api.rest('GET', '/performance-metrics?limit=1', { token: tokens.clientA })).status).toBe(403)
    expect((await api.rest('GET', '/performance-metrics?limit=1', { token: tokens.editor })).status).toBe(403)
    expect((await api.rest('GET', '/performance-metrics?limit=1')).status).toBe(403)
    expect((await api.rest('POST', '/performance-metrics', { token: tokens.admin, body: { minute: minuteAt(0), instance: 'x' } })).status).toBe(403)
    const [stored] = await suite.ctx.sql<{ id: number }>(`SELECT id FROM performance_metrics LIMIT 1`)
    expect((await api.rest('PATCH', `/performance-metrics/${stored!.id}`, { token: tokens.admin, body: { requests: 1 } })).status).toBe(403)
    expect((await api.rest('DELETE', `/performance-metrics/${stored!.id}`, { token: tokens.admin })).status).toBe(403)
    expect(await suite.ctx.sql(`SELECT 1 FROM performance_metrics WHERE id = $1`, [stored!.id])).toHaveLength(1)
  })
})

describe('anomaly alerts', () => {
  // Two days back, so these minutes stay out of the endpoint's window below.
  const base = thisMinute - 2 * 86_400_000
  const at = (offset: number) => new Date(base + offset * 60_000).toISOString()

  it('raises one admin_alert for a new anomaly, and none while the same one goes on', async () => {
    const payload = suite.ctx.payload
    for (let offset = 0; offset < 30; offset++) expect(await storeMinute(payload, row(at(offset), { instance: 'alerts' }), settings)).toMatchObject({ alerted: [] })
    expect(await storeMinute(payload, row(at(30), { instance: 'alerts', latencyP95: 2400 }), settings)).toMatchObject({ alerted: ['latencyP95'] })
    // Still far above the window (which now holds one spike): the same anomaly, within the cooldown.
    expect(await storeMinute(payload, row(at(31), { instance: 'alerts', latencyP95: 2600 }), settings)).toMatchObject({ alerted: [] })
    const alerts = await alertsFor('latencyP95')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ recipient_role: 'admin', priority: 'high', title: 'Anomali kinerja: latensi p95' })
    expect(alerts[0]!.data).toMatchObject({ anomalyMetric: 'latencyP95', minute: at(30), value: 2400, baseline: 105 })
  })
})

/** Forty quiet minutes, then a slow minute with errors, then a minute from two instances: ending just before `end`. */
async function seedIncident(end: number) {
  const db = await sqlExecutor(suite.ctx.payload)
  const at = (offset: number) => new Date(end + offset * 60_000).toISOString()
  for (let offset = -42; offset < -2; offset++) await persistMinute(db, row(at(offset)))
  await persistMinute(db, row(at(-2), { latencyP95: 1800, serverErrors: 12, jobsFailed: 1 }))
  await persistMinute(db, row(at(-1), { rssBytes: 200_000_000 }))
  await persistMinute(db, row(at(-1), { instance: 'test-2', requests: 80, latencyP95: 140, rssBytes: 150_000_000 }))
}

describe('the performance report', () => {
  // A fixed past hour, so the figures do not depend on when the test runs.
  const end = Date.parse('2026-11-25T10:00:00Z')
  const at = (offset: number) => new Date(end + offset * 60_000).toISOString()
  beforeAll(() => seedIncident(end))

  it('finds the incident, scores the health and names the reasons', async () => {
    const query = { minutes: 60, threshold: 3, window: 30, horizon: 5, confidence: 0.95 }
    const report = await buildPerformanceReport(await sqlExecutor(suite.ctx.payload), query, new Date(end + 20_000))
    expect(report.range).toEqual({ from: at(-60), to: at(0), minutesWithData: 42 })
    // Both instances' rows for the last minute are one point: counts add up, the worse p95 and the larger memory stand.
    expect(report.series.at(-1)).toMatchObject({ minute: at(-1), instances: 2, requests: 200, latencyP95: 140, rssBytes: 200_000_000 })
    expect(report.anomalies).toEqual([
      expect.objectContaining({ metric: 'errorRate', minute: at(-2), value: 0.1, zScore: null, direction: 'high' }),
      expect.objectContaining({ metric: 'latencyP95', minute: at(-2), value: 1800, baseline: 105, direction: 'high' }),
    ])
    expect(report.predictions.map((prediction) => [prediction.metric, prediction.basedOnMinutes, prediction.points.length])).toEqual([
      ['latencyP95', 42, 5],
      ['rssBytes', 42, 5],
      ['heapUsedBytes', 42, 5],
    ])
    expect(report.predictions[0]!.points[0]!.minute).toBe(at(0))
    expect(report.routes[0]).toMatchObject({ method: 'GET', route: '/api/projects/:id', requests: 43 * 120 })
    // 12 of 1,880 requests in the last 15 minutes (15 × 120, and 80 on the second instance): 0.64% → 5;
    // p95 1800 ms → 15; latency and error-rate anomalies → 10; one failed job try → 2.
    expect(report.summary).toMatchObject({ minutes: 15, requests: 1880, serverErrors: 12, latencyP95: 1800, anomalies: 2, jobsFailedLastHour: 1, healthScore: 68, status: 'degraded' })
    expect(report.summary.reasons.map((reason) => [reason.code, reason.penalty])).toEqual([
      ['latency', 15],
      ['anomalies', 10],
      ['error-rate', 5],
      ['job-failures', 2],
    ])
    expect(report.seasonality.daily).toMatchObject({ expectedLag: 24, detected: false })
  })

  it('finds a daily rhythm in the stored hours, gaps counted as quiet hours', async () => {
    const db = await sqlExecutor(suite.ctx.payload)
    const first = Date.parse('2026-06-01T00:00:00Z')
    // Four days, one stored minute per hour (the 10:00 hour of day two missing): busy by day, quiet by night.
    for (let hour = 0; hour < 96; hour++) {
      if (hour === 34) continue
      const requests = Math.round(1000 + 800 * Math.sin((2 * Math.PI * hour) / 24))
      await persistMinute(db, row(new Date(first + hour * 3_600_000).toISOString(), { instance: 'cycle', requests }))
    }
    const hourly = await readRequestCounts(db, 'hour', new Date(first), new Date(first + 96 * 3_600_000))
    expect(hourly).toHaveLength(96)
    expect(hourly[34]).toEqual({ period: '2026-06-02T10:00:00Z', requests: 0 })
    expect(hourly[6]).toEqual({ period: '2026-06-01T06:00:00Z', requests: 1800 })
    expect(detectCycle(hourly, { expectedLag: 24, minPoints: 72 })).toMatchObject({ detected: true, lag: 24 })
  })

  it('judges anomalies with the threshold and window asked for', async () => {
    const db = await sqlExecutor(suite.ctx.payload)
    const now = new Date(end + 20_000)
    const lenient = await buildPerformanceReport(db, { minutes: 60, threshold: 10, window: 30, horizon: 1, confidence: 0.95 }, now)
    // The latency spike is about 230 standard deviations out: still an anomaly at 10.
    expect(lenient.anomalies.map((anomaly) => anomaly.metric)).toEqual(['errorRate', 'latencyP95'])
    // The window reaches back before the range shown: 42 stored minutes are too few for a 60-minute window.
    const longWindow = await buildPerformanceReport(db, { minutes: 60, threshold: 3, window: 60, horizon: 1, confidence: 0.95 }, now)
    expect(longWindow.anomalies).toEqual([])
  })
})

describe('GET /api/admin/performance-intelligence', () => {
  beforeAll(() => seedIncident(thisMinute))

  it('gives an admin the documented report', async () => {
    const { status, body, headers } = await get('?minutes=60&horizon=5')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('private, no-store')
    expect(Object.keys(body).sort()).toEqual(['anomalies', 'generatedAt', 'instance', 'live', 'params', 'predictions', 'range', 'routes', 'seasonality', 'series', 'summary'])
    expect(body.params).toEqual({ minutes: 60, threshold: 3, window: 30, horizon: 5, confidence: 0.95 })
    expect(body.series.length).toBeGreaterThanOrEqual(40)
    expect(body.anomalies).toEqual(expect.arrayContaining([expect.objectContaining({ metric: 'latencyP95', minute: minuteAt(-2), value: 1800 })]))
    expect(body.predictions).toHaveLength(3)
    expect(body.predictions[0].points[0]).toEqual({ minute: expect.any(String), value: expect.any(Number), lower: expect.any(Number), upper: expect.any(Number) })
    expect(Object.keys(body.seasonality)).toEqual(['daily', 'weekly'])
    expect(body.summary).toMatchObject({ healthScore: expect.any(Number), status: expect.stringMatching(/^(healthy|degraded|critical)$/), reasons: expect.any(Array) })
    expect(body.summary.healthScore).toBeLessThan(100)
    expect(body.live).toMatchObject({ minute: expect.any(String), requests: expect.any(Number), rssBytes: expect.any(Number) })
    expect(body.instance).toBe(performanceState().instanceId)
  })

  it('refuses editors and clients (403) and anonymous callers (401)', async () => {
    expect((await get('', suite.tokens.editor)).status).toBe(403)
    expect((await get('', suite.tokens.clientA)).status).toBe(403)
    expect((await suite.api.rest('GET', '/admin/performance-intelligence')).status).toBe(401)
  })

  it.each([
    ['?threshold=abc', 'threshold'],
    ['?threshold=0', 'threshold'],
    ['?window=1', 'window'],
    ['?minutes=5', 'minutes'],
    ['?horizon=1000', 'horizon'],
    ['?confidence=2', 'confidence'],
    ['?foo=1', 'foo'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const { status, body } = await get(query)
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain(field)
  })

  it('never answers 500 to odd but valid queries', async () => {
    for (const query of ['?minutes=15&window=5&horizon=1&confidence=0.5', '?minutes=10080&window=1440&horizon=240&confidence=0.999', '?threshold=0.5&window=5']) {
      expect((await get(query)).status).toBe(200)
    }
  })
})
