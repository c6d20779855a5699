import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { currentAnomalies, detectCycle, findAnomalies, predictMetric } from '../../../performance/analysePerformance'
import { checkBearerToken } from '../../../performance/bearerToken'
import { healthScore } from '../../../performance/healthScore'
import { performanceQuerySchema } from '../../../performance/performanceParams'
import { promMetrics } from '../../../performance/promMetrics'
import type { MinutePoint } from '../../../performance/readSeries'
import { recordRequest, withRequestMetrics } from '../../../performance/recordRequest'
import { isMetricsRequest, serveMetrics } from '../../../performance/serveMetrics'

const START = Date.parse('2026-12-04T00:00:00Z')

/** A quiet minute: 100 requests, p95 alternating 100/110 ms, 200 MB, no errors. */
function minute(index: number, overrides: Partial<MinutePoint> = {}): MinutePoint {
  return {
    minute: new Date(START + index * 60_000).toISOString(),
    instances: 1,
    requests: 100,
    serverErrors: 0,
    clientErrors: 0,
    latencyMean: 50,
    latencyP95: index % 2 === 0 ? 100 : 110,
    latencyP99: 150,
    dbQueries: 300,
    dbP95: index % 2 === 0 ? 4 : 5,
    eventLoopLagP99: index % 2 === 0 ? 10 : 11,
    rssBytes: 200_000_000 + (index % 2) * 1_000_000,
    heapUsedBytes: 80_000_000,
    sockets: 2,
    jobsCompleted: 0,
    jobsFailed: 0,
    ...overrides,
  }
}

const quiet = (count: number) => Array.from({ length: count }, (_, index) => minute(index))

describe('anomalies in the minute series', () => {
  it('flags a latency spike against the window before it, with its baseline and z-score', () => {
    const points = [...quiet(30), minute(30, { latencyP95: 1000 })]
    const anomalies = findAnomalies(points, { window: 30, threshold: 3 })
    expect(anomalies).toHaveLength(1)
    // The window alternates 100 and 110: mean 105, sample sd √(30·25/29).
    expect(anomalies[0]).toEqual({
      metric: 'latencyP95',
      unit: 'ms',
      minute: points[30]!.minute,
      value: 1000,
      baseline: 105,
      zScore: expect.closeTo(895 / Math.sqrt((30 * 25) / 29), 9),
      direction: 'high',
    })
  })

  it('skips minutes without requests rather than reading them as zero latency', () => {
    const points = [...quiet(30), minute(30, { requests: 0, latencyP95: null, serverErrors: 0 }), minute(31)]
    expect(findAnomalies(points, { window: 30, threshold: 3 })).toEqual([])
  })

  it('alerts only on the newest minute, and only when it is worse than usual', () => {
    const spikeThenQuiet = [...quiet(30), minute(30, { latencyP95: 1000 }), minute(31)]
    expect(currentAnomalies(spikeThenQuiet, { window: 30, threshold: 3 })).toEqual([])
    const dropNow = [...quiet(30), minute(30, { latencyP95: 1 })]
    expect(findAnomalies(dropNow, { window: 30, threshold: 3 })[0]?.direction).toBe('low')
    expect(currentAnomalies(dropNow, { window: 30, threshold: 3 })).toEqual([])
    const errorsNow = [...quiet(30), minute(30, { serverErrors: 20 })]
    // A window of exactly 0% errors has no spread: any error is an anomaly, with no finite z-score.
    expect(currentAnomalies(errorsNow, { window: 30, threshold: 3 })).toEqual([expect.objectContaining({ metric: 'errorRate', value: 0.2, zScore: null, direction: 'high' })])
  })

  it('judges nothing before a full window has passed', () => {
    expect(findAnomalies([...quiet(10), minute(10, { latencyP95: 5000 })], { window: 30, threshold: 3 })).toEqual([])
  })
})

describe('predictions', () => {
  it('continues a straight memory line exactly, with no band when nothing scatters around it', () => {
    const points = Array.from({ length: 20 }, (_, index) => minute(index, { rssBytes: 100_000_000 + 1_000_000 * index }))
    const prediction = predictMetric(points, 'rssBytes', { horizon: 3, confidence: 0.95 })
    expect(prediction).toMatchObject({ metric: 'rssBytes', unit: 'bytes', basedOnMinutes: 20, r2: 1, confidence: 0.95 })
    expect(prediction.slopePerMinute).toBeCloseTo(1_000_000, 3)
    expect(prediction.points.map((point) => point.minute)).toEqual([20, 21, 22].map((index) => new Date(START + index * 60_000).toISOString()))
    for (const [offset, point] of prediction.points.entries()) {
      expect(point.value).toBeCloseTo(120_000_000 + offset * 1_000_000, 0)
      expect(point.upper - point.lower).toBeLessThan(1e-3)
    }
  })

  it('widens the band for scattered data and never lets the lower bound go below zero', () => {
    const points = Array.from({ length: 10 }, (_, index) => minute(index, { latencyP95: index % 2 === 0 ? 5 : 500 }))
    const prediction = predictMetric(points, 'latencyP95', { horizon: 2, confidence: 0.95 })
    expect(prediction.points[0]!.lower).toBe(0)
    expect(prediction.points[0]!.upper).toBeGreaterThan(prediction.points[0]!.value)
  })

  it('says why there is no line with fewer than three minutes of data', () => {
    expect(predictMetric(quiet(2), 'latencyP95', { horizon: 5, confidence: 0.9 })).toEqual({
      metric: 'latencyP95',
      unit: 'ms',
      basedOnMinutes: 2,
      confidence: 0.9,
      reason: 'A trend needs at least 3 minutes with data.',
      points: [],
    })
  })
})

describe('daily and weekly cycles', () => {
  const hours = (count: number, shape: (hour: number) => number) =>
    Array.from({ length: count }, (_, hour) => ({ period: new Date(START + hour * 3_600_000).toISOString(), requests: shape(hour) }))

  it('finds a daily rhythm in hourly requests, under a growing trend', () => {
    const cycle = detectCycle(hours(96, (hour) => 1000 + 10 * hour + 400 * Math.sin((2 * Math.PI * hour) / 24)), { expectedLag: 24, minPoints: 72 })
    expect(cycle).toMatchObject({ detected: true, lag: 24, expectedLag: 24, points: 96 })
    expect(cycle.correlationAtExpected).toBeGreaterThan(0.5)
  })

  it('finds no cycle in a series without one', () => {
    // A fixed pseudo-random sequence (LCG), no period.
    let seed = 7
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 100
    expect(detectCycle(hours(96, () => noise()), { expectedLag: 24, minPoints: 72 }).detected).toBe(false)
  })

  it('says how much data a cycle needs', () => {
    expect(detectCycle(hours(30, () => 1), { expectedLag: 7, minPoints: 21 })).toMatchObject({ detected: false, points: 30 })
    expect(detectCycle(hours(10, () => 1), { expectedLag: 7, minPoints: 21 })).toMatchObject({ detected: false, reason: 'Needs at least 21 periods of data (three cycles).' })
  })
})

describe('the health score', () => {
  it('is 100 with no reasons for a quiet, healthy server', () => {
    expect(healthScore({ recent: quiet(15), anomalies: [], memoryTrend: null, jobsFailedLastHour: 0 })).toEqual({ healthScore: 100, status: 'healthy', reasons: [] })
  })

  it('lists each penalty with its reason, worst first', () => {
    const recent = [minute(0, { serverErrors: 10, latencyP95: 1500 }), minute(1, { eventLoopLagP99: 150 })]
    const anomaly = { metric: 'latencyP95' as const, unit: 'ms' as const, minute: recent[0]!.minute, value: 1500, baseline: 100, zScore: 9, direction: 'high' as const }
    const health = healthScore({ recent, anomalies: [anomaly], memoryTrend: null, jobsFailedLastHour: 2 })
    // 10 of 200 requests = 5% → 35; p95 1500 ms → 15; lag 150 ms → 10; one anomalous metric → 5; two failed tries → 4.
    expect(health.reasons.map((reason) => [reason.code, reason.penalty])).toEqual([
      ['error-rate', 35],
      ['latency', 15],
      ['event-loop-lag', 10],
      ['anomalies', 5],
      ['job-failures', 4],
    ])
    expect(health).toMatchObject({ healthScore: 31, status: 'critical' })
    expect(health.reasons[0]!.message).toBe('5.00% of 200 requests failed with a 5xx status.')
  })

  it('counts steady memory growth as a possible leak', () => {
    const points = Array.from({ length: 30 }, (_, index) => minute(index, { rssBytes: 100_000_000 + 5 * 1024 * 1024 * index }))
    const memoryTrend = predictMetric(points, 'rssBytes', { horizon: 1, confidence: 0.95 })
    expect(healthScore({ recent: quiet(15), anomalies: [], memoryTrend, jobsFailedLastHour: 0 })).toMatchObject({ healthScore: 90, reasons: [expect.objectContaining({ code: 'memory-growth' })] })
  })
})

describe('the endpoint query', () => {
  const schema = performanceQuerySchema({ threshold: 3, window: 30 })

  it('defaults the threshold and window to the alerting settings', () => {
    expect(schema.parse({})).toEqual({ minutes: 180, threshold: 3, window: 30, horizon: 30, confidence: 0.95 })
    expect(schema.parse({ threshold: '2.5', window: '60', horizon: '10' })).toMatchObject({ threshold: 2.5, window: 60, horizon: 10 })
  })

  it.each([
    [{ threshold: 'abc' }, 'threshold'],
    [{ threshold: '0' }, 'threshold'],
    [{ window: '1' }, 'window'],
    [{ minutes: '99999' }, 'minutes'],
    [{ confidence: '1' }, 'confidence'],
    [{ horizon: '2.5' }, 'horizon'],
  ])('refuses %p, naming %s', (query, field) => {
    const result = schema.safeParse(query)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual([field])
  })

  it('refuses parameters it does not know', () => {
    const result = schema.safeParse({ tresh: '3' })
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain('tresh')
  })
})

describe('bearer token check', () => {
  it('tells a missing token from a wrong one, and accepts the right one', () => {
    const token = 'a-metrics-token-of-some-length'
    expect(checkBearerToken(undefined, token)).toBe('missing')
    expect(checkBearerToken('Basic abc', token)).toBe('missing')
    expect(checkBearerToken('Bearer nope', token)).toBe('wrong')
    expect(checkBearerToken(`Bearer ${token}x`, token)).toBe('wrong')
    expect(checkBearerToken(`Bearer ${token}`, token)).toBe('ok')
    expect(checkBearerToken(`bearer ${token}`, token)).toBe('ok')
  })
})

describe('GET /metrics on a plain http server, as server.ts serves it', () => {
  const TOKEN = 'scrape-me-please-0123456789'
  let server: http.Server
  let base = ''
  let configuredToken: string | undefined

  beforeAll(async () => {
    // As startPerformanceMonitor does at start: the registry exists before the first request.
    promMetrics()
    server = http.createServer(
      withRequestMetrics((req, res) => {
        if (isMetricsRequest(req)) return void serveMetrics(req, res, configuredToken)
        res.writeHead(200)
        res.end('ok')
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('does not exist while METRICS_TOKEN is unset', async () => {
    configuredToken = undefined
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
  })

  it('refuses a missing or wrong token with 401 and says which', async () => {
    configuredToken = TOKEN
    const missing = await fetch(`${base}/metrics`)
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
    expect((await missing.json()).errors[0].message).toBe('Send the metrics token: "Authorization: Bearer <METRICS_TOKEN>".')
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).errors[0].message).toBe('The metrics token is wrong.')
  })

  it('answers the right token with Prometheus text: process metrics and the app\'s own', async () => {
    configuredToken = TOKEN
    await fetch(`${base}/api/projects/5`)
    recordRequest('POST', '/api/invoices/9/pay', 201, 30)
    const response = await fetch(`${base}/metrics?x=1`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    const text = await response.text()
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_p99_seconds',
      'jasaweb_http_request_duration_seconds',
      'jasaweb_db_query_duration_seconds',
      'jasaweb_socketio_connections',
      'jasaweb_jobs_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `)
    }
    expect(text).toMatch(/jasaweb_http_request_duration_seconds_count\{method="POST",route="\/api\/invoices\/:id\/pay",status="201"\} 1/)
    expect(text).toMatch(/jasaweb_http_request_duration_seconds_count\{method="GET",route="\/api\/projects\/:id",status="200"\} 1/)
    expect(text).toMatch(/jasaweb_socketio_connections 0/)
  })

  it('is not served for other paths or methods', () => {
    expect(isMetricsRequest({ method: 'GET', url: '/metrics-old' } as http.IncomingMessage)).toBe(false)
    expect(isMetricsRequest({ method: 'POST', url: '/metrics' } as http.IncomingMessage)).toBe(false)
    expect(isMetricsRequest({ method: 'GET', url: '/metrics?name[]=x' } as http.IncomingMessage)).toBe(true)
  })
})
