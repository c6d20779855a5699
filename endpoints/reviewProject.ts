import type { Endpoint, PayloadHandler } from 'payload'

import { parseId, readJsonBody } from '../lib/http'
import { errorResponse } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { reviewProjectDoc } from '../openapi/docs/projectDocs'
import { reviewBody } from '../projects/reviewInput'
import { reviewProject } from '../projects/reviewProject'

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

export const reviewProjectEndpoint: Endpoint = documented({ path: '/:id/review', method: 'post', handler }, reviewProjectDoc)
