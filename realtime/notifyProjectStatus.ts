import { isProjectStatus, PROJECT_STATUS_LABELS } from '../projects/statusFlow'
import type { EventInput } from './publish'

export type ProjectMove = { projectId: number; projectName: string; owner: number; from: string; to: string; note: string | null }

/**
 * A project's status move as a project_update for the owner (stored in the owner's inbox),
 * which roomsFor also sends to the project's room and to every admin. Used by the projects
 * hook (collections/Projects/hooks/tellStatusMove.ts) and by the payment path, which moves
 * projects in SQL.
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
