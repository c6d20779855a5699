/** Arithmetic mean. An empty list throws rather than returning NaN that would spread silently. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of no values')
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/** Sample standard deviation (n − 1): the values are a sample of a process, not all of it. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError('a standard deviation needs at least two values')
  const centre = mean(values)
  let squares = 0
  for (const value of values) squares += (value - centre) ** 2
  return Math.sqrt(squares / (values.length - 1))
}

/**
 * Mean absolute percentage error, in percent (10 means 10%). A month with actual 0 has no
 * percentage error, so it is skipped; null when no point is left to score.
 */
export function meanAbsolutePercentageError(actual: readonly number[], predicted: readonly number[]): number | null {
  if (actual.length !== predicted.length) throw new RangeError(`${actual.length} actual values against ${predicted.length} predictions`)
  let total = 0
  let scored = 0
  actual.forEach((value, index) => {
    if (value === 0) return
    total += Math.abs((value - predicted[index]!) / value)
    scored += 1
  })
  return scored === 0 ? null : (total / scored) * 100
}
