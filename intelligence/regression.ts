import { studentTQuantile } from './studentT'

export type PredictionInterval = { value: number; lower: number; upper: number }

export type LinearFit = {
  slope: number
  intercept: number
  /** Share of the variance of y the line explains; 1 for a constant y (nothing left unexplained). */
  r2: number
  /** √(SSE / (n − 2)): the typical distance of a point from the line. */
  residualStandardError: number
  /** The line at x, and where a new observation at x falls with probability `confidence`. */
  predict(x: number, confidence?: number): PredictionInterval
}

/**
 * Ordinary least squares of ys on xs. At least three points: the interval needs one degree
 * of freedom beyond the two coefficients. Sums are taken around the means, which keeps
 * large x values (timestamps, rupiah) from cancelling digits away.
 */
export function linearRegression(xs: readonly number[], ys: readonly number[]): LinearFit {
  if (xs.length !== ys.length) throw new RangeError(`${xs.length} x values against ${ys.length} y values`)
  const n = xs.length
  if (n < 3) throw new RangeError(`a regression with an interval needs at least 3 points, not ${n}`)
  const xMean = xs.reduce((sum, x) => sum + x, 0) / n
  const yMean = ys.reduce((sum, y) => sum + y, 0) / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  xs.forEach((x, i) => {
    sxx += (x - xMean) ** 2
    sxy += (x - xMean) * (ys[i]! - yMean)
    syy += (ys[i]! - yMean) ** 2
  })
  if (sxx === 0) throw new RangeError('every x is the same: the slope is undefined')
  const slope = sxy / sxx
  const intercept = yMean - slope * xMean
  const sse = xs.reduce((sum, x, i) => sum + (ys[i]! - (intercept + slope * x)) ** 2, 0)
  const residualStandardError = Math.sqrt(sse / (n - 2))
  return {
    slope,
    intercept,
    r2: syy === 0 ? 1 : 1 - sse / syy,
    residualStandardError,
    predict(x, confidence = 0.95) {
      if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence ${confidence} is not strictly between 0 and 1`)
      const value = intercept + slope * x
      // A new point's spread: the noise itself, plus the line's uncertainty, which grows away from the mean of x.
      const standardError = residualStandardError * Math.sqrt(1 + 1 / n + (x - xMean) ** 2 / sxx)
      const halfWidth = studentTQuantile((1 + confidence) / 2, n - 2) * standardError
      return { value, lower: value - halfWidth, upper: value + halfWidth }
    },
  }
}
