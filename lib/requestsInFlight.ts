/**
 * The HTTP requests this process is answering, so background work can step aside for them:
 * the job runner inside the server waits for a quiet moment before each batch
 * (jobs/jobRunner.ts). A waiter is released when the last request closes, or after its
 * `maxWaitMs` at the latest, so under steady traffic jobs are slowed, never starved.
 * Socket.IO's long-polls are answered by engine.io before server.ts's handler and are not counted.
 */
export class RequestsInFlight {
  private count = 0
  private lastClosedAt = -Infinity
  private waiters: (() => void)[] = []

  get size(): number {
    return this.count
  }

  /** Whether a request is being answered now or was within the last `ms`. */
  busyWithin(ms: number, now = performance.now()): boolean {
    return this.count > 0 || now - this.lastClosedAt < ms
  }

  /** Counts `res` until it closes ('close' fires once, after the answer or when the client left). */
  track(res: { once(event: 'close', listener: () => void): unknown }): void {
    this.count += 1
    res.once('close', this.release)
  }

  whenIdle(maxWaitMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.waiters = this.waiters.filter((waiter) => waiter !== done)
        resolve()
      }
      const timer = setTimeout(done, maxWaitMs)
      this.waiters.push(done)
    })
  }

  private readonly release = (): void => {
    this.count -= 1
    this.lastClosedAt = performance.now()
    if (this.count > 0) return
    for (const waiter of [...this.waiters]) waiter()
  }
}
