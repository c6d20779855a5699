import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { QueueLeadership } from './queueLeadership'
import { JOB_QUEUES, type JobQueue } from './queues'
import { sweepStaleJobs } from './sweepStaleJobs'

export type JobRunnerOptions = {
  /** Pause between ticks. */
  intervalMs: number
  /** Jobs taken per batch. */
  batchLimit: number
  /** A job `processing` this long without progress belonged to a runner that died. */
  staleAfterMs: number
  queues?: readonly JobQueue[]
  log?: (message: string) => void
  /**
   * Awaited before each batch with the configured batch size; answers the size to take now.
   * Inside the server: a quiet moment between requests, and one job at a time while requests
   * keep coming (lib/requestsInFlight.ts), so a burst of jobs does not stretch their answers.
   */
  beforeBatch?: (batchLimit: number) => Promise<number>
}

export type TickResult = { led: JobQueue[]; scheduled: number; swept: number[]; ran: Partial<Record<JobQueue, number>> }

/** What the readiness check reads: is the loop still turning? */
export type JobRunnerHealth = { stopping: boolean; intervalMs: number; lastTickEndedAt: number | null; tickStartedAt: number | null; lastError: string | null }

/**
 * Runs the jobs queue in this process, instead of Payload's autoRun cron: elected per queue
 * across instances (queueLeadership.ts), queues in priority order (queues.ts), Payload's own
 * schedules, the stale-job sweep, and a stop that lets the running batch finish.
 *
 * A tick: take the queues it can lead, queue what their schedules say is due, hand back
 * stale jobs, then drain: one batch of the highest-priority queue that has work, and back to
 * the top after every batch, until no led queue has a runnable job or the runner is stopping.
 * A batch's jobs run one after another, not all at once: the CPU they take comes in job-sized
 * slices that requests can slip between (a burst of four status emails at once put 20 ms
 * stalls into concurrent requests), at the price of a slower batch when its jobs wait on I/O.
 */
export class JobRunner {
  private readonly leadership: QueueLeadership
  private readonly queues: readonly JobQueue[]
  private timer: NodeJS.Timeout | undefined
  private running: Promise<TickResult> | undefined
  private stopping = false
  private lastTickEndedAt: number | null = null
  private tickStartedAt: number | null = null
  private lastError: string | null = null

  constructor(
    private readonly payload: Payload,
    private readonly options: JobRunnerOptions,
  ) {
    this.leadership = new QueueLeadership((payload.db as unknown as { pool: Pool }).pool)
    this.queues = options.queues ?? JOB_QUEUES
  }

  /** Ticks now and then every intervalMs after the previous tick ends. */
  start(): this {
    const loop = () => {
      if (this.stopping) return
      this.tick()
        .catch((error: unknown) => this.payload.logger.error({ err: error }, 'job runner tick failed'))
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(loop, this.options.intervalMs)
        })
    }
    loop()
    return this
  }

  /** One tick (also for tests, which drive the runner by hand). Ticks never overlap. */
  tick(): Promise<TickResult> {
    if (!this.running) {
      this.tickStartedAt = Date.now()
      this.running = this.runTick()
        .then(
          (result) => {
            this.lastError = null
            return result
          },
          (error: unknown) => {
            this.lastError = error instanceof Error ? error.message : String(error)
            throw error
          },
        )
        .finally(() => {
          this.running = undefined
          this.tickStartedAt = null
          this.lastTickEndedAt = Date.now()
        })
    }
    return this.running
  }

  health(): JobRunnerHealth {
    return { stopping: this.stopping, intervalMs: this.options.intervalMs, lastTickEndedAt: this.lastTickEndedAt, tickStartedAt: this.tickStartedAt, lastError: this.lastError }
  }

  /** Stops ticking, waits for the running batch to finish, gives the queues up. */
  async stop(): Promise<void> {
    this.stopping = true
    clearTimeout(this.timer)
    await this.running?.catch(() => undefined)
    await this.leadership.release()
  }

  private async runTick(): Promise<TickResult> {
    const heldNow = await this.leadership.refresh(this.queues)
    const led = this.queues.filter((queue) => heldNow.has(queue))
    const result: TickResult = { led, scheduled: 0, swept: [], ran: {} }
    if (led.length === 0 || this.stopping) return result
    for (const queue of led) {
      const { queued } = await this.payload.jobs.handleSchedules({ queue })
      result.scheduled += queued.length
    }
    result.swept = await sweepStaleJobs(this.payload, led, this.options.staleAfterMs)
    if (result.swept.length > 0) this.options.log?.(`handed back ${result.swept.length} stale job(s): ${result.swept.join(', ')}`)
    drain: while (!this.stopping) {
      for (const queue of led) {
        const limit = (await this.options.beforeBatch?.(this.options.batchLimit)) ?? this.options.batchLimit
        const { jobStatus, remainingJobsFromQueried } = await this.payload.jobs.run({ queue, limit, sequential: true, silent: { info: true } })
        const ran = Object.keys(jobStatus ?? {}).length
        if (ran > 0 || remainingJobsFromQueried > 0) {
          result.ran[queue] = (result.ran[queue] ?? 0) + ran
          continue drain
        }
      }
      break
    }
    return result
  }
}
