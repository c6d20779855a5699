import type { Endpoint, PayloadHandler } from 'payload'

import { adminHandler } from '../access/requireAdmin'
import { jobQueueStatus } from '../jobs/jobQueueStatus'
import { cancelJob, retryJob } from '../jobs/manageJob'
import { parseId } from '../lib/http'
import { cancelJobDoc, jobsStatusDoc, retryJobDoc } from '../openapi/docs/adminDocs'
import { documented } from '../openapi/endpointDoc'

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
  documented({ path: '/admin/jobs/status', method: 'get', handler: status }, jobsStatusDoc),
  /** POST /api/admin/jobs/:id/retry — a failed or cancelled job runs again. */
  documented({ path: '/admin/jobs/:id/retry', method: 'post', handler: action(retryJob) }, retryJobDoc),
  /** POST /api/admin/jobs/:id/cancel — a job that has not completed never runs. */
  documented({ path: '/admin/jobs/:id/cancel', method: 'post', handler: action(cancelJob) }, cancelJobDoc),
]
