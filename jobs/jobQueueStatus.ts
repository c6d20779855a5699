import { sql } from '@payloadcms/db-postgres'
import { getCurrentDate, type Payload } from 'payload'

import { sqlExecutor } from '../db/sqlExecutor'
import { JOB_QUEUES, type JobQueue } from './queues'

export const JOB_STATES = ['waiting', 'scheduled', 'running', 'failed', 'cancelled', 'completed'] as const
export type JobState = (typeof JOB_STATES)[number]

export type QueueCounts = Record<JobState, number>
export type JobQueueStatus = { queues: Record<JobQueue, QueueCounts>; totals: QueueCounts; failedRecently: FailedJob[] }
export type FailedJob = { id: number; task: string; queue: string; tries: number; error: string; failedAt: string }

const emptyCounts = (): QueueCounts => ({ waiting: 0, scheduled: 0, running: 0, failed: 0, cancelled: 0, completed: 0 })

/**
 * The queue at a glance for admins: jobs per queue and state (waiting = runnable now,
 * scheduled = waiting for its time or its next retry), in one aggregate, and the newest
 * failures with their errors.
 */
export async function jobQueueStatus(payload: Payload): Promise<JobQueueStatus> {
  const db = await sqlExecutor(payload)
  const now = getCurrentDate().toISOString()
  const [counts, failed] = await Promise.all([
    db.execute(sql`
      select queue, state, count(*)::int as jobs from (
        select coalesce(queue, 'default') as queue, case
          when completed_at is not null then 'completed'
          when has_error and coalesce((error->>'cancelled')::boolean, false) then 'cancelled'
          when has_error then 'failed'
          when processing then 'running'
          when wait_until > ${now}::timestamptz then 'scheduled'
          else 'waiting' end as state
        from payload_jobs) as jobs
      group by queue, state`),
    db.execute(sql`
      select id, task_slug, coalesce(queue, 'default') as queue, total_tried, error->>'message' as message, updated_at
      from payload_jobs where has_error and not coalesce((error->>'cancelled')::boolean, false)
      order by updated_at desc limit 20`),
  ])
  const queues = Object.fromEntries(JOB_QUEUES.map((queue) => [queue, emptyCounts()])) as Record<JobQueue, QueueCounts>
  const totals = emptyCounts()
  for (const row of counts.rows) {
    const state = row.state as JobState
    const queue = (queues[row.queue as JobQueue] ??= emptyCounts())
    queue[state] += Number(row.jobs)
    totals[state] += Number(row.jobs)
  }
  return {
    queues,
    totals,
    failedRecently: failed.rows.map((row) => ({
      id: Number(row.id),
      task: String(row.task_slug),
      queue: String(row.queue),
      tries: Number(row.total_tried),
      error: String(row.message ?? ''),
      failedAt: new Date(row.updated_at as string).toISOString(),
    })),
  }
}
