import type { PayloadRequest } from 'payload'

import { publishEvent } from '../realtime/publish'

export type JobFailure = { jobId: string | number; task: string; label: string; queue: string; tries: number; error: string }

/** A job that has used up its retries: an admin_alert to every admin, stored and emitted like any event. */
export async function raiseJobFailureAlert(req: PayloadRequest, failure: JobFailure): Promise<void> {
  await publishEvent(req, {
    recipientRole: 'admin',
    type: 'admin_alert',
    priority: 'high',
    title: `Tugas latar gagal: ${failure.label}`,
    body: `Tugas "${failure.label}" (#${failure.jobId}, antrean ${failure.queue}) gagal setelah ${failure.tries} percobaan: ${failure.error}. Buka Sistem → Antrean tugas untuk mencoba ulang atau membatalkannya.`,
    data: { jobId: failure.jobId, task: failure.task, queue: failure.queue, tries: failure.tries, error: failure.error.slice(0, 500) },
  })
}
