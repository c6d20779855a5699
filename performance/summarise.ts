import type { RingBuffer } from './ringBuffer'

export type Summary = { count: number; mean: number; p50: number; p95: number; p99: number; max: number }

/** Nearest-rank percentile of ascending values: the smallest value with at least p% of them at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values')
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

/** A buffer's figures, or null when nothing was pushed. Count, mean and max cover every sample pushed. */
export function summarise(buffer: RingBuffer): Summary | null {
  if (buffer.total === 0) return null
  const sorted = buffer.values().sort((a, b) => a - b)
  return { count: buffer.total, mean: buffer.sum / buffer.total, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: buffer.max }
}
