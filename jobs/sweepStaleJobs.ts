import { sql } from '@payloadcms/db-postgres'
import { getCurrentDate, type Payload } from 'payload'

import { sqlExecutor } from '../db/sqlExecutor'
import type { JobQueue } from './queues'

/**
 * Jobs left `processing` by a runner that crashed never run again in Payload 3 (no lease;
 * the fix is 4.0-only). The elected runner of a queue hands such jobs back: Payload touches a
 * job's updatedAt whenever it records progress, so one untouched for `staleAfterMs` is not
 * being run by anyone. Returns the ids handed back.
 */
export async function sweepStaleJobs(payload: Payload, queues: readonly JobQueue[], staleAfterMs: number): Promise<number[]> {
  if (queues.length === 0) return []
  const cutoff = new Date(getCurrentDate().getTime() - staleAfterMs)
  const db = await sqlExecutor(payload)
  const { rows } = await db.execute(sql`
    update payload_jobs set processing = false, updated_at = ${getCurrentDate().toISOString()}::timestamptz
    where processing = true and completed_at is null
      and queue in (select jsonb_array_elements_text(${JSON.stringify(queues)}::jsonb))
      and updated_at < ${cutoff.toISOString()}::timestamptz
    returning id`)
  return rows.map((row) => Number(row.id))
}
