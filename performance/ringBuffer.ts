/**
 * A fixed number of the newest samples, for percentiles, plus exact totals of everything
 * pushed (count, sum, max): a minute with more requests than the buffer holds still reports
 * its true count and mean, and its percentiles from the newest `capacity` samples.
 */
export class RingBuffer {
  private readonly samples: Float64Array
  private next = 0
  private held = 0
  total = 0
  sum = 0
  max = -Infinity

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity ${capacity} must be a whole number from 1`)
    this.samples = new Float64Array(capacity)
  }

  push(value: number): void {
    this.samples[this.next] = value
    this.next = (this.next + 1) % this.capacity
    if (this.held < this.capacity) this.held += 1
    this.total += 1
    this.sum += value
    if (value > this.max) this.max = value
  }

  /** The samples held, oldest first. */
  values(): number[] {
    if (this.held < this.capacity) return Array.from(this.samples.subarray(0, this.held))
    return [...this.samples.subarray(this.next), ...this.samples.subarray(0, this.next)]
  }

  get length(): number {
    return this.held
  }
}
