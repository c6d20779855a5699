import { zScoreAnomalies } from '../intelligence/anomalies'
import { linearRegression } from '../intelligence/regression'
import { autocorrelation, dominantPeriod } from '../intelligence/seasonality'
import { mean } from '../intelligence/statistics'
import type { MinutePoint, PeriodCount } from './readSeries'

export type MetricName = 'latencyP95' | 'errorRate' | 'dbP95' | 'eventLoopLagP99' | 'rssBytes' | 'heapUsedBytes'
type Metric = { metric: MetricName; label: string; unit: 'ms' | 'ratio' | 'bytes'; read: (point: MinutePoint) => number | null }

const METRICS: Record<MetricName, Metric> = {
  // A minute without requests has no latency: it is left out, not counted as 0.
  latencyP95: { metric: 'latencyP95', label: 'latensi p95', unit: 'ms', read: (p) => (p.requests > 0 ? p.latencyP95 : null) },
  errorRate: { metric: 'errorRate', label: 'rasio galat 5xx', unit: 'ratio', read: (p) => (p.requests > 0 ? p.serverErrors / p.requests : null) },
  dbP95: { metric: 'dbP95', label: 'kueri basis data p95', unit: 'ms', read: (p) => (p.dbQueries > 0 ? p.dbP95 : null) },
  eventLoopLagP99: { metric: 'eventLoopLagP99', label: 'lag event loop p99', unit: 'ms', read: (p) => p.eventLoopLagP99 },
  rssBytes: { metric: 'rssBytes', label: 'memori (RSS)', unit: 'bytes', read: (p) => p.rssBytes },
  heapUsedBytes: { metric: 'heapUsedBytes', label: 'heap terpakai', unit: 'bytes', read: (p) => p.heapUsedBytes },
}

/** Watched for anomalies; for each, higher is worse. */
export const WATCHED_METRICS: readonly MetricName[] = ['latencyP95', 'errorRate', 'dbP95', 'eventLoopLagP99', 'rssBytes']
/** Projected forward. */
export const PREDICTED_METRICS: readonly MetricName[] = ['latencyP95', 'rssBytes', 'heapUsedBytes']

export const metricLabel = (metric: MetricName) => METRICS[metric].label
export const metricUnit = (metric: MetricName) => METRICS[metric].unit

export type PerformanceAnomaly = {
  metric: MetricName
  unit: Metric['unit']
  minute: string
  value: number
  /** Mean of the window the value was judged against. */
  baseline: number
  /** Null when the window had no spread at all (every value equal): any change is then an anomaly. */
  zScore: number | null
  direction: 'high' | 'low'
}

function metricSeries(points: readonly MinutePoint[], metric: MetricName): { minutes: string[]; values: number[] } {
  const minutes: string[] = []
  const values: number[] = []
  for (const point of points) {
    const value = METRICS[metric].read(point)
    if (value === null || !Number.isFinite(value)) continue
    minutes.push(point.minute)
    values.push(value)
  }
  return { minutes, values }
}

/** Every minute of every watched metric whose z-score against the `window` minutes before it reaches `threshold`. */
export function findAnomalies(points: readonly MinutePoint[], { window, threshold }: { window: number; threshold: number }): PerformanceAnomaly[] {
  return WATCHED_METRICS.flatMap((metric) => {
    const { minutes, values } = metricSeries(points, metric)
    return zScoreAnomalies(values, { window, threshold }).map(
      (anomaly): PerformanceAnomaly => ({
        metric,
        unit: METRICS[metric].unit,
        minute: minutes[anomaly.index]!,
        value: anomaly.value,
        baseline: mean(values.slice(anomaly.index - window, anomaly.index)),
        zScore: Number.isFinite(anomaly.zScore) ? anomaly.zScore : null,
        direction: anomaly.zScore > 0 ? 'high' : 'low',
      }),
    )
  }).sort((a, b) => a.minute.localeCompare(b.minute) || a.metric.localeCompare(b.metric))
}

/** The anomalies worth an alert now: in the newest minute, and worse (higher) than usual. */
export function currentAnomalies(points: readonly MinutePoint[], settings: { window: number; threshold: number }): PerformanceAnomaly[] {
  const newest = points.at(-1)?.minute
  return findAnomalies(points, settings).filter((anomaly) => anomaly.minute === newest && anomaly.direction === 'high')
}

export type Prediction = {
  metric: MetricName
  unit: Metric['unit']
  basedOnMinutes: number
  /** Why there is no line (too few minutes with data). */
  reason?: string
  slopePerMinute?: number
  r2?: number
  confidence: number
  /** One point per minute ahead; the lower bound stops at 0, which no duration or size goes below. */
  points: { minute: string; value: number; lower: number; upper: number }[]
}

/** Minutes a trend is fitted on: recent enough to be the current trend. */
export const TREND_MINUTES = 60

/** A least-squares line through the last TREND_MINUTES minutes, `horizon` minutes on, with t-based prediction intervals. */
export function predictMetric(points: readonly MinutePoint[], metric: MetricName, { horizon, confidence }: { horizon: number; confidence: number }): Prediction {
  const { minutes, values } = metricSeries(points.slice(-TREND_MINUTES), metric)
  const base = { metric, unit: METRICS[metric].unit, basedOnMinutes: values.length, confidence }
  if (values.length < 3) return { ...base, reason: 'A trend needs at least 3 minutes with data.', points: [] }
  const last = Date.parse(minutes.at(-1)!)
  // x is minutes relative to the newest point, so the coefficients stay small.
  const xs = minutes.map((minute) => (Date.parse(minute) - last) / 60_000)
  const fit = linearRegression(xs, values)
  return {
    ...base,
    slopePerMinute: fit.slope,
    r2: fit.r2,
    points: Array.from({ length: horizon }, (_, index) => {
      const ahead = index + 1
      const { value, lower, upper } = fit.predict(ahead, confidence)
      return { minute: new Date(last + ahead * 60_000).toISOString(), value, lower: Math.max(0, lower), upper }
    }),
  }
}

export type Cycle = {
  /** The expected period: 24 hours, or 7 days. */
  expectedLag: number
  detected: boolean
  /** The strongest autocorrelation peak near it, if any reached CYCLE_THRESHOLD. */
  lag: number | null
  correlation: number | null
  /** Autocorrelation at exactly the expected lag (after removing the trend). */
  correlationAtExpected: number | null
  points: number
  reason?: string
}

export const CYCLE_THRESHOLD = 0.3

/**
 * Is there a cycle of `expectedLag` in these counts? The trend is removed first (a growing
 * series correlates with itself at every lag), then the highest autocorrelation peak within a
 * band around the expected lag must reach CYCLE_THRESHOLD and fall within one step of it.
 */
export function detectCycle(series: readonly PeriodCount[], { expectedLag, minPoints }: { expectedLag: number; minPoints: number }): Cycle {
  const base = { expectedLag, points: series.length }
  if (series.length < minPoints) return { ...base, detected: false, lag: null, correlation: null, correlationAtExpected: null, reason: `Needs at least ${minPoints} periods of data (three cycles).` }
  const values = series.map((period) => period.requests)
  const xs = values.map((_, index) => index)
  const fit = linearRegression(xs, values)
  const residuals = values.map((value, index) => value - (fit.intercept + fit.slope * index))
  const peak = dominantPeriod(residuals, { minLag: Math.max(2, Math.floor(expectedLag / 2)), maxLag: Math.ceil(expectedLag * 1.5), threshold: CYCLE_THRESHOLD })
  return {
    ...base,
    detected: peak !== null && Math.abs(peak.lag - expectedLag) <= 1,
    lag: peak?.lag ?? null,
    correlation: peak?.correlation ?? null,
    correlationAtExpected: autocorrelation(residuals, expectedLag),
  }
}

export function detectSeasonality(hourly: readonly PeriodCount[], daily: readonly PeriodCount[]): { daily: Cycle; weekly: Cycle } {
  return { daily: detectCycle(hourly, { expectedLag: 24, minPoints: 72 }), weekly: detectCycle(daily, { expectedLag: 7, minPoints: 21 }) }
}
