import { zScoreAnomalies } from '../../intelligence/anomalies'
import { linearRegression } from '../../intelligence/regression'
import { autocorrelation, dominantPeriod } from '../../intelligence/seasonality'
import { mean, meanAbsolutePercentageError, standardDeviation } from '../../intelligence/statistics'
import { studentTCdf, studentTQuantile } from '../../intelligence/studentT'
import { seededNoise } from '../helpers/seededRandom'

const range = (length: number) => Array.from({ length }, (_, i) => i)

describe('mean and standard deviation', () => {
  it('take the sample standard deviation (n − 1)', () => {
    // Squared deviations from 5: 9+1+1+1+0+0+4+16 = 32, over 7.
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5)
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12)
  })

  it('refuse too few values rather than answer NaN', () => {
    expect(() => mean([])).toThrow(RangeError)
    expect(() => standardDeviation([3])).toThrow(RangeError)
  })
})

describe('z-score anomalies against the window before each point', () => {
  it('scores a point against the mean and spread of the points before it', () => {
    // Window 1..5: mean 3, sample sd √2.5; 10 is 7 / √2.5 ≈ 4.43 sd away.
    expect(zScoreAnomalies([1, 2, 3, 4, 5, 10], { window: 5, threshold: 3 })).toEqual([{ index: 5, value: 10, zScore: expect.closeTo(7 / Math.sqrt(2.5), 10) }])
    expect(zScoreAnomalies([1, 2, 3, 4, 5, 10], { window: 5, threshold: 4.5 })).toEqual([])
  })

  it('finds a spike planted in seeded noise, and nothing else', () => {
    const noise = seededNoise(42, 5)
    const series = range(120).map(() => 100 + noise())
    series[70] = 160
    const anomalies = zScoreAnomalies(series, { window: 24, threshold: 4 })
    expect(anomalies.map((anomaly) => anomaly.index)).toEqual([70])
    // Uniform noise of ±5 has sd 5/√3 ≈ 2.9: a jump of 60 is about 20 of them.
    expect(anomalies[0]!.zScore).toBeGreaterThan(15)
  })

  it('finds a drop as a negative score', () => {
    const noise = seededNoise(7, 5)
    const series = range(60).map(() => 100 + noise())
    series[40] = 40
    const [drop] = zScoreAnomalies(series, { window: 20, threshold: 4 })
    expect(drop).toMatchObject({ index: 40, value: 40 })
    expect(drop!.zScore).toBeLessThan(-4)
  })

  it('finds nothing in a flat series', () => {
    expect(zScoreAnomalies(new Array(50).fill(0.1), { window: 7, threshold: 3 })).toEqual([])
  })

  it('scores any change after a flat window as infinitely far, whatever its size', () => {
    expect(zScoreAnomalies([5, 5, 5, 5, 6, 5], { window: 4, threshold: 3 })).toEqual([{ index: 4, value: 6, zScore: Infinity }])
    expect(zScoreAnomalies([5, 5, 5, 5, 4], { window: 4, threshold: 3 })).toEqual([{ index: 4, value: 4, zScore: -Infinity }])
  })

  it('does not score the first `window` points, which have no past', () => {
    // Index 3 sits inside the spread of 1000, 1, 2; index 4 is (2 − 4/3) / √(1/3) ≈ 1.15 sd above 1, 2, 1.
    expect(zScoreAnomalies([1000, 1, 2, 1, 2], { window: 3, threshold: 1 })).toEqual([{ index: 4, value: 2, zScore: expect.closeTo(2 / 3 / Math.sqrt(1 / 3), 10) }])
    expect(zScoreAnomalies([1, 2], { window: 3, threshold: 1 })).toEqual([])
  })

  it('refuses a window too small to have a spread', () => {
    expect(() => zScoreAnomalies([1, 2, 3], { window: 1, threshold: 3 })).toThrow(RangeError)
  })
})

describe('linear regression', () => {
  it('recovers y = 3x + 7 exactly', () => {
    const xs = range(10)
    const fit = linearRegression(xs, xs.map((x) => 3 * x + 7))
    expect(fit.slope).toBeCloseTo(3, 12)
    expect(fit.intercept).toBeCloseTo(7, 12)
    expect(fit.r2).toBeCloseTo(1, 12)
    expect(fit.residualStandardError).toBeCloseTo(0, 12)
    expect(fit.predict(20).value).toBeCloseTo(67, 10)
  })

  it('recovers y = 3x + 7 through seeded noise', () => {
    const noise = seededNoise(1, 0.5)
    const xs = range(100)
    const fit = linearRegression(xs, xs.map((x) => 3 * x + 7 + noise()))
    // The slope's standard error is about 0.29 / √(Σ(x − x̄)²) ≈ 0.001.
    expect(Math.abs(fit.slope - 3)).toBeLessThan(0.01)
    expect(Math.abs(fit.intercept - 7)).toBeLessThan(0.3)
    expect(fit.r2).toBeGreaterThan(0.999)
    // Uniform noise of ±0.5 has sd 1/√12 ≈ 0.289.
    expect(fit.residualStandardError).toBeCloseTo(1 / Math.sqrt(12), 1)
  })

  it('matches a small example worked by hand, interval included', () => {
    // x̄ = 2, ȳ = 3, Sxx = 10, Sxy = 8: slope 0.8, intercept 1.4; residuals −.4 .8 −1 1.2 −.6, SSE 3.6, SST 10.
    const fit = linearRegression([0, 1, 2, 3, 4], [1, 3, 2, 5, 4])
    expect(fit.slope).toBeCloseTo(0.8, 12)
    expect(fit.intercept).toBeCloseTo(1.4, 12)
    expect(fit.r2).toBeCloseTo(0.64, 12)
    expect(fit.residualStandardError).toBeCloseTo(Math.sqrt(1.2), 12)
    // At x̄: s·√(1 + 1/5) = √1.2·√1.2 = 1.2, times t(0.975, 3) = 3.182.
    const atMean = fit.predict(2, 0.95)
    expect(atMean.value).toBeCloseTo(3, 12)
    expect(atMean.upper - atMean.value).toBeCloseTo(3.182 * 1.2, 2)
    expect(atMean.value - atMean.lower).toBeCloseTo(atMean.upper - atMean.value, 10)
  })

  it('widens the prediction interval away from the mean of x', () => {
    const noise = seededNoise(3, 1)
    const xs = range(12)
    const fit = linearRegression(xs, xs.map((x) => 2 * x + noise()))
    const width = (x: number) => {
      const { lower, upper } = fit.predict(x)
      return upper - lower
    }
    expect(width(5.5)).toBeLessThan(width(11))
    expect(width(11)).toBeLessThan(width(15))
    expect(width(15)).toBeLessThan(width(24))
    // Symmetric around x̄ = 5.5.
    expect(width(0)).toBeCloseTo(width(11), 10)
  })

  it('widens the interval with the confidence asked for', () => {
    const fit = linearRegression([0, 1, 2, 3, 4], [1, 3, 2, 5, 4])
    const half = (confidence: number) => fit.predict(2, confidence).upper - 3
    expect(half(0.8)).toBeLessThan(half(0.95))
    expect(half(0.95)).toBeLessThan(half(0.99))
  })

  it('refuses what it cannot fit', () => {
    expect(() => linearRegression([1, 2], [1, 2])).toThrow(RangeError)
    expect(() => linearRegression([1, 1, 1], [1, 2, 3])).toThrow(RangeError)
    expect(() => linearRegression([1, 2, 3], [1, 2])).toThrow(RangeError)
  })
})

describe("Student's t quantile", () => {
  it.each([
    [0.975, 1, 12.706],
    [0.975, 5, 2.571],
    [0.975, 30, 2.042],
    [0.95, 10, 1.812],
  ])('t(%s, %s) is %s, as in the table', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3)
  })

  it('matches the closed forms for one and two degrees of freedom', () => {
    // df 1 is Cauchy: tan(π(p − ½)); df 2: (2p − 1) / √(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 6)
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 6)
    }
  })

  it('is symmetric, zero at the median, and tends to the normal quantile', () => {
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-studentTQuantile(0.975, 5), 10)
    expect(studentTQuantile(0.5, 7)).toBe(0)
    expect(studentTQuantile(0.975, 100_000)).toBeCloseTo(1.96, 2)
  })

  it('inverts the CDF', () => {
    for (const df of [1, 3, 11, 23, 34]) expect(studentTCdf(studentTQuantile(0.9, df), df)).toBeCloseTo(0.9, 10)
  })

  it('refuses a probability outside (0, 1) and fewer than one degree of freedom', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError)
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError)
  })
})

describe('autocorrelation and the dominant period', () => {
  it('correlates a series with itself lag steps later', () => {
    // 1 2 3 4: deviations −1.5 −.5 .5 1.5, variance sum 5; lag 1 products .75 − .25 + .75 = 1.25.
    expect(autocorrelation([1, 2, 3, 4], 1)).toBeCloseTo(0.25, 12)
    expect(autocorrelation([1, 2, 3, 4], 0)).toBe(1)
    expect(autocorrelation([3, 3, 3], 1)).toBe(0)
  })

  it('finds a weekly cycle in daily points', () => {
    const noise = seededNoise(11, 0.3)
    const daily = range(10 * 7).map((day) => 100 + 20 * Math.sin((2 * Math.PI * day) / 7) + noise())
    expect(dominantPeriod(daily, { minLag: 2, maxLag: 30, threshold: 0.5 })).toEqual({ lag: 7, correlation: expect.any(Number) })
  })

  it('finds a daily cycle in hourly points, not the strong correlation of neighbouring hours', () => {
    const noise = seededNoise(12, 2)
    const hourly = range(14 * 24).map((hour) => 50 + 10 * Math.cos((2 * Math.PI * hour) / 24) + noise())
    // Neighbouring hours correlate at about cos(2π/24) ≈ 0.97, but that is a slope, not a peak.
    expect(autocorrelation(hourly, 1)).toBeGreaterThan(0.8)
    expect(dominantPeriod(hourly, { minLag: 1, maxLag: 72, threshold: 0.5 })?.lag).toBe(24)
  })

  it('finds no period in noise', () => {
    const noise = seededNoise(99, 1)
    expect(dominantPeriod(range(200).map(() => noise()), { minLag: 2, maxLag: 40, threshold: 0.5 })).toBeNull()
  })

  it('finds no period in a flat series or one too short for the lags asked', () => {
    expect(dominantPeriod(new Array(30).fill(4), { minLag: 2, maxLag: 10, threshold: 0.1 })).toBeNull()
    expect(dominantPeriod([1, 2, 1, 2], { minLag: 3, maxLag: 10, threshold: 0.1 })).toBeNull()
  })
})

describe('mean absolute percentage error', () => {
  it('averages the absolute errors as percentages of the actual values', () => {
    // |100 − 110| / 100 = 10%, |200 − 180| / 200 = 10%.
    expect(meanAbsolutePercentageError([100, 200], [110, 180])).toBeCloseTo(10, 12)
    // 5% and 25%.
    expect(meanAbsolutePercentageError([100, 40], [95, 50])).toBeCloseTo(15, 12)
  })

  it('skips points whose actual value is 0, and has no answer when none is left', () => {
    expect(meanAbsolutePercentageError([0, 100], [5, 90])).toBeCloseTo(10, 12)
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toBeNull()
    expect(meanAbsolutePercentageError([], [])).toBeNull()
  })

  it('refuses series of different lengths', () => {
    expect(() => meanAbsolutePercentageError([1, 2], [1])).toThrow(RangeError)
  })
})
