import type { Endpoint, PayloadHandler } from 'payload'
import { z } from 'zod'

import { parseId, readJsonBody } from '../lib/http'
import { errorResponse } from '../lib/errors'
import { reviewProject } from '../projects/reviewProject'

const reviewBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), note: z.string().max(2000).optional() }).strict(),
  z
    .object({
      action: z.literal('request_revision'),
      note: z.string().trim().min(3, 'Describe the revision you need (at least 3 characters).').max(2000),
    })
    .strict(),
])

/** POST /api/projects/:id/review — { action: 'approve' } or { action: 'request_revision', note }. */
const handler: PayloadHandler = async (req) => {
  try {
    const projectId = parseId(req.routeParams?.id)
    const decision = reviewBody.parse(await readJsonBody(req))
    const project = await reviewProject(req, projectId, decision)
    return Response.json({ message: 'Project updated.', doc: { id: project.id, status: project.status } })
  } catch (error) {
    return errorResponse(error)
  }
}

export const reviewProjectEndpoint: Endpoint = { path: '/:id/review', method: 'post', handler }
