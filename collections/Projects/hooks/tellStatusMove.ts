import type { CollectionAfterChangeHook } from 'payload'

import { executeTogether } from '../../../db/executeTogether'
import { sqlExecutor } from '../../../db/sqlExecutor'
import { jobsInsert } from '../../../jobs/jobsInsert'
import type { Project } from '../../../payload-types'
import { relationId } from '../../../realtime/notificationEvents'
import { projectMoveEvent } from '../../../realtime/notifyProjectStatus'
import { emitAfterCommit, notificationsInsert } from '../../../realtime/publish'

/**
 * A status move made through the Local API (an admin, the client's review) is told twice, in
 * the move's transaction: a project_update for the owner (stored, then emitted to the owner,
 * the project's room and every admin once the move commits) and an email job for the owner.
 * Both rows go in one round trip (db/executeTogether.ts): the event leaves at the commit, so
 * every statement before it is latency the owner waits for. A rolled-back move tells nothing.
 * The payment's own move (pending_payment → in_progress, in SQL) is told by its own path.
 */
export const tellStatusMove: CollectionAfterChangeHook<Project> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || !previousDoc || doc.status === previousDoc.status) return doc
  const owner = relationId(doc.owner)
  const note = doc.statusHistory?.at(-1)?.note ?? null
  const event = context.skipRealtime || owner === null ? undefined : projectMoveEvent({ projectId: doc.id, projectName: doc.name, owner, from: previousDoc.status, to: doc.status, note })
  const email = context.skipEmail ? undefined : { projectId: doc.id, from: previousDoc.status, to: doc.status, note }
  const statements = [...(event ? [notificationsInsert([event])] : []), ...(email ? [jobsInsert('sendProjectStatusEmail', 'default', [email])] : [])]
  if (statements.length === 0) return doc
  const [stored] = await executeTogether(await sqlExecutor(req.payload, req), statements)
  if (event) emitAfterCommit(req, [event], stored!)
  return doc
}
