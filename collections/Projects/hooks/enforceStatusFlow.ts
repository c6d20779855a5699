import type { CollectionBeforeChangeHook } from 'payload'

import { isAdmin } from '../../../access/roles'
import { InvalidTransition } from '../../../lib/errors'
import {
  checkTransition,
  INITIAL_PROJECT_STATUS,
  isProjectStatus,
  PROJECT_STATUSES,
  type ProjectStatus,
  type TransitionActor,
} from '../../../projects/statusFlow'
import type { Project } from '../../../payload-types'

type HistoryEntry = NonNullable<Project['statusHistory']>[number]

/** Who is moving the project. Domain code says so in req.context; trusted code without a user acts as admin. */
function actorOf(context: Record<string, unknown>, user: unknown): TransitionActor {
  if (context.statusActor === 'system' || context.statusActor === 'owner') return context.statusActor
  if (!user || isAdmin(user as { role?: string })) return 'admin'
  return 'owner'
}

/**
 * Projects start in pending_payment; every later status change must be in the transition
 * table for its actor, and is appended to the history. The history is rebuilt here from the
 * stored one, so no request can rewrite it.
 */
export const enforceStatusFlow: CollectionBeforeChangeHook<Project> = ({ data, operation, originalDoc, req, context }) => {
  const note = typeof data.transitionNote === 'string' && data.transitionNote.trim() ? data.transitionNote.trim() : (context.statusNote as string | undefined)
  const by = req.user && req.user.collection === 'users' ? req.user.id : null
  const at = new Date().toISOString()

  if (data.status !== undefined && !isProjectStatus(data.status)) {
    throw new InvalidTransition(`Status proyek "${String(data.status)}" tidak dikenal. Pilihan: ${PROJECT_STATUSES.join(', ')}.`, [])
  }

  if (operation === 'create') {
    const entry: HistoryEntry = { from: 'order', to: INITIAL_PROJECT_STATUS, by, at, note: note ?? null }
    return { ...data, status: INITIAL_PROJECT_STATUS, statusHistory: [entry], transitionNote: undefined }
  }

  const from = originalDoc?.status as ProjectStatus
  const to = data.status ?? from
  const history = (originalDoc?.statusHistory ?? []).map(({ id, from, to, by, at, note }) => ({
    id,
    from,
    to,
    by: typeof by === 'object' && by !== null ? by.id : by,
    at,
    note,
  }))
  if (to === from) return { ...data, statusHistory: history, transitionNote: undefined }

  const check = checkTransition(from, to, actorOf(context, req.user))
  if (!check.ok) throw new InvalidTransition(check.message, check.allowed)

  const entry: HistoryEntry = { from, to, by, at, note: note ?? null }
  return { ...data, statusHistory: [...history, entry], transitionNote: undefined }
}
