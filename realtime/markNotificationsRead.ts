import type { Payload } from 'payload'

import { readersOf } from './notificationEvents'

type Reader = { id: number; role: string; collection: 'users' }

/**
 * `notifications:read`: marks the user's items read. Items addressed to the user get their
 * readAt through Payload with the user's own access (recipients may set readAt on their
 * own rows, nothing else). Items shared by a whole role are one row for everyone, so the
 * user is added to its readBy instead: which rows qualify is decided by a find with the
 * user's own access; recipients may not edit a shared row, so the server writes readBy.
 */
export async function markNotificationsRead(payload: Payload, reader: Reader, request: { ids: number[] } | { all: true }): Promise<number[]> {
  const scope = 'ids' in request ? [{ id: { in: request.ids } }] : []
  const readAt = new Date().toISOString()
  const own = await payload.update({
    collection: 'notifications',
    where: { and: [...scope, { recipient: { equals: reader.id } }, { readAt: { exists: false } }] },
    data: { readAt },
    user: reader,
    overrideAccess: false,
    depth: 0,
  })
  const visibleShared = await payload.find({
    collection: 'notifications',
    where: { and: [...scope, { recipientRole: { equals: reader.role } }] },
    user: reader,
    overrideAccess: false,
    depth: 0,
    limit: 500,
    pagination: false,
    select: { createdAt: true },
  })
  const sharedIds = visibleShared.docs.map((doc) => doc.id)
  const marked = own.docs.map((doc) => doc.id)
  if (sharedIds.length === 0) return marked
  const shared = await payload.find({ collection: 'notifications', where: { id: { in: sharedIds } }, depth: 0, limit: 500, pagination: false, overrideAccess: true, select: { readBy: true } })
  for (const row of shared.docs) {
    const readers = readersOf(row)
    if (readers.includes(reader.id)) continue
    await payload.update({ collection: 'notifications', id: row.id, data: { readBy: [...readers, reader.id] }, overrideAccess: true, depth: 0 })
    marked.push(row.id)
  }
  return marked.sort((a, b) => a - b)
}
