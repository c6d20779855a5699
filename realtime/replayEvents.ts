import type { Payload } from 'payload'

import { isReadBy, replayWhere, toEvent } from './notificationEvents'
import type { RealtimeEvent } from './protocol'

export const REPLAY_BATCH = 200

type Viewer = { id: number; role: string; createdAt: string }

/**
 * The stored events a user missed: newer than the cursor, in id order, at most one batch
 * (`more` says ask again). Read from the database, so it survives reloads and restarts.
 */
export async function missedEvents(payload: Payload, viewer: Viewer, afterId: number): Promise<{ events: RealtimeEvent[]; more: boolean }> {
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { and: [replayWhere(viewer), { id: { greater_than: afterId } }] },
    sort: 'id',
    limit: REPLAY_BATCH + 1,
    depth: 0,
    pagination: false,
    // replayWhere is the visibility rule (a subset of the collection's read access); the
    // override is only so readBy, hidden from non-admins, can say what this user has read.
    overrideAccess: true,
  })
  const rows = docs.slice(0, REPLAY_BATCH)
  return { events: rows.map((row) => toEvent(row, isReadBy(row, viewer.id))), more: docs.length > REPLAY_BATCH }
}

/** The newest event id this user can see: the cursor for a client that has none yet. */
export async function newestEventId(payload: Payload, viewer: Viewer): Promise<number | null> {
  const { docs } = await payload.find({ collection: 'notifications', where: replayWhere(viewer), sort: '-id', limit: 1, depth: 0, pagination: false, overrideAccess: true, select: { createdAt: true } })
  return docs[0]?.id ?? null
}
