import type { CollectionAfterChangeHook } from 'payload'

import type { Project } from '../payload-types'
import { isProjectStatus, PROJECT_STATUS_LABELS } from '../projects/statusFlow'
import { relationId } from './notificationEvents'
import { publishEvent, type EventInput } from './publish'

export type ProjectMove = { projectId: number; projectName: string; owner: number; from: string; to: string; note: string | null }

/**
 * A project's status move as a project_update for the owner (stored in the owner's inbox),
 * which roomsFor also sends to the project's room and to every admin. Used by the hook
 * below and by the payment path, which moves projects in SQL.
 */
export function projectMoveEvent(move: ProjectMove): EventInput {
  const label = isProjectStatus(move.to) ? PROJECT_STATUS_LABELS[move.to] : move.to
  return {
    recipient: move.owner,
    type: 'project_update',
    priority: move.to === 'review' ? 'high' : 'medium',
    title: `Proyek "${move.projectName}": ${label}`,
    body: move.note,
    data: { projectId: move.projectId, projectName: move.projectName, from: move.from, to: move.to },
  }
}

/** projects afterChange: a status change made through the Local API is a project_update. */
export const notifyProjectStatus: CollectionAfterChangeHook<Project> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context.skipRealtime || !previousDoc || doc.status === previousDoc.status) return doc
  const owner = relationId(doc.owner)
  if (owner === null) return doc
  const note = doc.statusHistory?.at(-1)?.note ?? null
  await publishEvent(req, projectMoveEvent({ projectId: doc.id, projectName: doc.name, owner, from: previousDoc.status, to: doc.status, note }))
  return doc
}
