/**
 * This instance's counters for the admin status endpoint: client messages over the last
 * minute (60 one-second buckets, so the figure slides rather than resetting each minute).
 */
export class InstanceStats {
  private readonly buckets = new Array<number>(60).fill(0)
  private bucketSecond = Math.floor(Date.now() / 1000)
  messagesTotal = 0
  connectionsTotal = 0
  refusedTotal = 0

  private advance(nowSecond: number): void {
    const elapsed = Math.min(60, nowSecond - this.bucketSecond)
    for (let step = 1; step <= elapsed; step += 1) this.buckets[(this.bucketSecond + step) % 60] = 0
    if (elapsed > 0) this.bucketSecond = nowSecond
  }

  recordMessage(now = Date.now()): void {
    const second = Math.floor(now / 1000)
    this.advance(second)
    this.buckets[second % 60]! += 1
    this.messagesTotal += 1
  }

  messagesPerMinute(now = Date.now()): number {
    this.advance(Math.floor(now / 1000))
    return this.buckets.reduce((sum, count) => sum + count, 0)
  }
}
