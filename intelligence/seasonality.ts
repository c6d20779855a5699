import { mean } from './statistics'

/**
 * The series' correlation with itself `lag` steps later. Divided by the whole series'
 * variance (the usual biased estimator), so longer lags, which overlap less, score lower:
 * that favours a cycle's own period over its multiples. A flat series has no cycle: 0.
 */
export function autocorrelation(series: readonly number[], lag: number): number {
  if (!Number.isInteger(lag) || lag < 0 || lag >= series.length) throw new RangeError(`lag ${lag} is outside 0…${series.length - 1}`)
  const centre = mean(series)
  let variance = 0
  for (const value of series) variance += (value - centre) ** 2
  if (variance === 0) return 0
  let covariance = 0
  for (let i = 0; i + lag < series.length; i++) covariance += (series[i]! - centre) * (series[i + lag]! - centre)
  return covariance / variance
}

export type Period = { lag: number; correlation: number }

/**
 * The cycle length, e.g. 24 for hourly points with a daily rhythm, 7 for daily points with a
 * weekly one: the highest autocorrelation peak in minLag…maxLag that reaches `threshold`,
 * or null. Only peaks count (higher than both neighbours' lags), because a smooth series
 * correlates strongly at small lags without being cyclic. A trend hides cycles: detrend first.
 */
export function dominantPeriod(series: readonly number[], { minLag, maxLag, threshold }: { minLag: number; maxLag: number; threshold: number }): Period | null {
  if (!Number.isInteger(minLag) || !Number.isInteger(maxLag) || minLag < 1 || maxLag < minLag) throw new RangeError(`lags ${minLag}…${maxLag} are not a range of whole numbers from 1`)
  // A peak needs the lag after it too.
  const lastLag = Math.min(maxLag, series.length - 2)
  if (lastLag < minLag) return null
  let best: Period | null = null
  let previous = autocorrelation(series, minLag - 1)
  let current = autocorrelation(series, minLag)
  for (let lag = minLag; lag <= lastLag; lag++) {
    const next = autocorrelation(series, lag + 1)
    if (current > previous && current >= next && current >= threshold && (best === null || current > best.correlation)) best = { lag, correlation: current }
    previous = current
    current = next
  }
  return best
}
