import type { PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { Forbidden, InvalidTransition, NotFound, Unauthorized } from '../lib/errors'
import type { Project } from '../payload-types'
import { checkTransition, type ProjectStatus } from './statusFlow'

export type ReviewDecision = { action: 'approve' } | { action: 'request_revision'; note: string }

const TARGET: Record<ReviewDecision['action'], ProjectStatus> = {
  approve: 'completed',
  request_revision: 'in_progress',
}

/**
 * The client's one say over its project: approve it (review → completed) or ask for a
 * revision (review → in_progress) with a note. Only the owner, only in review.
 */
export async function reviewProject(req: PayloadRequest, projectId: number, decision: ReviewDecision): Promise<Project> {
  const { user, payload } = req
  if (!user) throw new Unauthorized('Log in to review your project.')
  if (!hasRole(user, 'client', 'admin')) throw new Forbidden('Only the project owner can review it.')

  // Read with the caller's own access: another client's project is simply not found.
  const project = await payload.findByID({ collection: 'projects', id: projectId, req, overrideAccess: false, depth: 0, disableErrors: true })
  if (!project) throw new NotFound(`Project ${projectId} was not found.`)

  const actor = hasRole(user, 'admin') ? 'admin' : 'owner'
  const to = TARGET[decision.action]
  const check = checkTransition(project.status as ProjectStatus, to, actor)
  if (!check.ok) throw new InvalidTransition(check.message, check.allowed)

  return payload.update({
    collection: 'projects',
    id: projectId,
    data: { status: to },
    req,
    overrideAccess: true,
    context: { statusActor: actor, statusNote: decision.action === 'request_revision' ? decision.note : 'Disetujui oleh klien' },
  })
}
