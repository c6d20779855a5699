import { sql } from '@payloadcms/db-postgres'
import type { Statement } from '../db/executeTogether'
import type { JobQueue } from './queues'

type QueuedTask = 'sendPaymentReceipt' | 'sendProjectStatusEmail'

/**
 * Queued jobs as one INSERT, for a transaction's other writes (db/executeTogether.ts): the
 * rows `payload.jobs.queue` writes (it creates jobs straight through the adapter, without
 * collection hooks), so that a batch of payments queues its receipts together, a status move
 * queues its email with its event, and a rolled-back write queues nothing.
 */
export function jobsInsert(task: QueuedTask, queue: JobQueue, inputs: readonly Record<string, unknown>[]): Statement {
  return sql`
    insert into payload_jobs (input, task_slug, queue, total_tried, has_error, processing)
    select value, ${task}::enum_payload_jobs_task_slug, ${queue}, 0, false, false from jsonb_array_elements(${JSON.stringify(inputs)}::jsonb)
    returning id`
}
