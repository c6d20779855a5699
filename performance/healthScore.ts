import type { PerformanceAnomaly, Prediction } from './analysePerformance'
import type { MinutePoint } from './readSeries'

export type HealthReason = { code: string; penalty: number; message: string }
export type Health = { healthScore: number; status: 'healthy' | 'degraded' | 'critical'; reasons: HealthReason[] }

export type HealthInput = {
  /** The last few minutes (the summary's span). */
  recent: readonly MinutePoint[]
  /** Anomalies (higher than usual) within those minutes. */
  anomalies: readonly PerformanceAnomaly[]
  memoryTrend: Prediction | null
  jobsFailedLastHour: number
}

const MIB = 1024 * 1024

/** The first step a figure reaches, of steps from worst to mildest: [at least, penalty]. */
function penaltyFor(value: number, steps: readonly (readonly [number, number])[]): number {
  for (const [atLeast, penalty] of steps) if (value >= atLeast) return penalty
  return 0
}

/**
 * 100 minus a penalty for each sign of trouble, each capped, never below 0; every penalty is
 * listed with its reason, worst first. The steps are what a small agency site should never
 * see for long: any 5xx, p95 above half a second, an event loop stalled over 100 ms.
 */
export function healthScore({ recent, anomalies, memoryTrend, jobsFailedLastHour }: HealthInput): Health {
  const reasons: HealthReason[] = []
  const add = (code: string, penalty: number, message: string) => {
    if (penalty > 0) reasons.push({ code, penalty, message })
  }
  const requests = recent.reduce((sum, point) => sum + point.requests, 0)
  const serverErrors = recent.reduce((sum, point) => sum + point.serverErrors, 0)
  if (requests > 0) {
    const errorRate = serverErrors / requests
    add('error-rate', penaltyFor(errorRate, [[0.05, 35], [0.01, 15], [Number.MIN_VALUE, 5]]), `${(errorRate * 100).toFixed(2)}% of ${requests} requests failed with a 5xx status.`)
  }
  const worst = (read: (point: MinutePoint) => number | null) => Math.max(0, ...recent.map(read).filter((value): value is number => value !== null))
  const latency = worst((point) => (point.requests > 0 ? point.latencyP95 : null))
  add('latency', penaltyFor(latency, [[2000, 25], [1000, 15], [500, 5]]), `Request latency p95 reached ${latency.toFixed(0)} ms.`)
  const lag = worst((point) => point.eventLoopLagP99)
  add('event-loop-lag', penaltyFor(lag, [[500, 20], [100, 10]]), `Event-loop lag p99 reached ${lag.toFixed(0)} ms: the process was too busy to answer promptly.`)
  const database = worst((point) => (point.dbQueries > 0 ? point.dbP95 : null))
  add('database', penaltyFor(database, [[500, 10], [100, 5]]), `Database query p95 reached ${database.toFixed(0)} ms.`)
  const anomalous = [...new Set(anomalies.filter((anomaly) => anomaly.direction === 'high').map((anomaly) => anomaly.metric))]
  add('anomalies', Math.min(20, 5 * anomalous.length), `Unusually high: ${anomalous.join(', ')}.`)
  if (memoryTrend?.slopePerMinute !== undefined && memoryTrend.r2 !== undefined && memoryTrend.slopePerMinute > MIB && memoryTrend.r2 >= 0.8) {
    add('memory-growth', 10, `Memory grows steadily by ${(memoryTrend.slopePerMinute / MIB).toFixed(1)} MiB a minute (R² ${memoryTrend.r2.toFixed(2)}): a possible leak.`)
  }
  add('job-failures', Math.min(10, 2 * jobsFailedLastHour), `${jobsFailedLastHour} job tries failed in the last hour.`)
  reasons.sort((a, b) => b.penalty - a.penalty)
  const score = Math.max(0, 100 - reasons.reduce((sum, reason) => sum + reason.penalty, 0))
  return { healthScore: score, status: score >= 80 ? 'healthy' : score >= 50 ? 'degraded' : 'critical', reasons }
}
