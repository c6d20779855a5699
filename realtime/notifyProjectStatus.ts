import type { CollectionAfterChangeHook } from 'payload'

import type { Project } from '../payload-types'
import { isProjectStatus, PROJECT_STATUS_LABELS } from '../projects/statusFlow'
import { relationId } from './notificationEvents'
import { publishEvent } from './publish'

/**
 * projects afterChange: a status change is a project_update for the owner (stored in the
 * owner's inbox), which roomsFor also sends to the project's room and to every admin.
 */
export const notifyProjectStatus: CollectionAfterChangeHook<Project> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context.skipRealtime || !previousDoc || doc.status === previousDoc.status) return doc
  const owner = relationId(doc.owner)
  if (owner === null) return doc
  const label = isProjectStatus(doc.status) ? PROJECT_STATUS_LABELS[doc.status] : doc.status
  const note = doc.statusHistory?.at(-1)?.note ?? null
  await publishEvent(req, {
    recipient: owner,
    type: 'project_update',
    priority: doc.status === 'review' ? 'high' : 'medium',
    title: `Proyek "${doc.name}": ${label}`,
    body: note,
    data: { projectId: doc.id, projectName: doc.name, from: previousDoc.status, to: doc.status },
  })
  return doc
}
