import type { Payload } from 'payload'

import { BadRequest, NotFound } from '../lib/errors'

type JobRow = { id: number | string; completedAt?: string | null; processing?: boolean | null; hasError?: boolean | null }

async function findJob(payload: Payload, id: number): Promise<JobRow> {
  const job = (await payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true, disableErrors: true })) as JobRow | null
  if (!job) throw new NotFound(`Tugas ${id} tidak ditemukan.`)
  return job
}

/**
 * An admin gives a failed or cancelled job another go: it is runnable again at once. Its log
 * keeps the earlier tries, so a task that fails again fails for good after this one try and
 * raises a fresh alert.
 */
export async function retryJob(payload: Payload, id: number): Promise<{ id: number; state: 'waiting' }> {
  const job = await findJob(payload, id)
  if (job.completedAt) throw new BadRequest('Tugas ini sudah selesai; tidak ada yang perlu dicoba ulang.')
  if (!job.hasError) throw new BadRequest('Tugas ini belum gagal: ia masih menunggu atau sedang berjalan.')
  await payload.db.updateOne({ collection: 'payload-jobs', id, data: { hasError: false, error: null, processing: false, waitUntil: null } })
  return { id, state: 'waiting' }
}

/** An admin cancels a job that has not completed (Payload's own cancel: it never runs again). */
export async function cancelJob(payload: Payload, id: number): Promise<{ id: number; state: 'cancelled' }> {
  const job = await findJob(payload, id)
  if (job.completedAt) throw new BadRequest('Tugas ini sudah selesai dan tidak bisa dibatalkan.')
  await payload.jobs.cancelByID({ id, overrideAccess: true })
  return { id, state: 'cancelled' }
}
