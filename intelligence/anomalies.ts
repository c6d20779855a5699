import { mean, standardDeviation } from './statistics'

export type Anomaly = { index: number; value: number; zScore: number }

/**
 * Points far from the `window` points before them, in standard deviations. Only the past is
 * used, so a spike is judged as it would have been when it arrived, and does not widen the
 * band it is judged by. The first `window` points have no past to be judged against.
 *
 * A window whose points are all equal has no spread: a point equal to them scores 0, any
 * other point ±Infinity (always an anomaly; JSON writes it as null).
 */
export function zScoreAnomalies(series: readonly number[], { window, threshold }: { window: number; threshold: number }): Anomaly[] {
  if (!Number.isInteger(window) || window < 2) throw new RangeError(`window ${window}: a spread needs at least 2 points`)
  if (!(threshold > 0)) throw new RangeError(`threshold ${threshold} must be above 0`)
  const anomalies: Anomaly[] = []
  for (let index = window; index < series.length; index++) {
    const value = series[index]!
    const zScore = scoreAgainst(series.slice(index - window, index), value)
    if (Math.abs(zScore) >= threshold) anomalies.push({ index, value, zScore })
  }
  return anomalies
}

function scoreAgainst(past: number[], value: number): number {
  // Equal values are compared exactly: their computed spread can come out as 1e-17 rather than 0.
  if (past.every((point) => point === past[0])) {
    if (value === past[0]) return 0
    return value > past[0]! ? Infinity : -Infinity
  }
  return (value - mean(past)) / standardDeviation(past)
}
