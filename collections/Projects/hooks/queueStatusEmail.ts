import type { CollectionAfterChangeHook } from 'payload'

import type { Project } from '../../../payload-types'

/**
 * A status move made through the Local API (an admin, the client's review) queues an email to
 * the owner inside the move's transaction: a rolled-back move sends nothing. The payment's own
 * move (pending_payment → in_progress, in SQL) is told by the receipt instead.
 */
export const queueStatusEmail: CollectionAfterChangeHook<Project> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context.skipEmail || !previousDoc || doc.status === previousDoc.status) return doc
  const note = doc.statusHistory?.at(-1)?.note ?? null
  await req.payload.jobs.queue({
    task: 'sendProjectStatusEmail',
    queue: 'default',
    input: { projectId: doc.id, from: previousDoc.status, to: doc.status, note },
    req,
  })
  return doc
}
