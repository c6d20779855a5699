import type { Endpoint, PayloadHandler } from 'payload'

import { adminHandler } from '../access/requireAdmin'
import { jobQueueStatus } from '../jobs/jobQueueStatus'
import { cancelJob, retryJob } from '../jobs/manageJob'
import { parseId } from '../lib/http'

const REFUSAL = 'Hanya admin yang dapat mengelola antrean tugas.'

/** GET /api/admin/jobs/status — jobs per queue and state, and the newest failures. */
const status: PayloadHandler = adminHandler(REFUSAL, async (req) => {
  return Response.json(await jobQueueStatus(req.payload))
})

const action =
  (act: typeof retryJob | typeof cancelJob): PayloadHandler =>
  adminHandler(REFUSAL, async (req) => {
    return Response.json(await act(req.payload, parseId(req.routeParams?.id, 'job id')))
  })

export const jobsAdminEndpoints: Endpoint[] = [
  { path: '/admin/jobs/status', method: 'get', handler: status },
  /** POST /api/admin/jobs/:id/retry — a failed or cancelled job runs again. */
  { path: '/admin/jobs/:id/retry', method: 'post', handler: action(retryJob) },
  /** POST /api/admin/jobs/:id/cancel — a job that has not completed never runs. */
  { path: '/admin/jobs/:id/cancel', method: 'post', handler: action(cancelJob) },
]
