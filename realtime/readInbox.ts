import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import type { Notification } from '../payload-types'
import { sqlExecutor } from '../db/sqlExecutor'
import { inboxWhere, isReadBy } from './notificationEvents'

export type InboxItem = Omit<Notification, 'readBy'> & { read: boolean }
export type Inbox = { docs: InboxItem[]; unread: number }

type Viewer = { id: number; role: string; createdAt: string }

/**
 * The newest items of a user's inbox, each with whether this user has read it, and the
 * unread count. Shared rows (addressed to a role) are read per user through readBy, which
 * only the server sees; the portal and the admin bell both show this.
 */
export async function readInbox(payload: Payload, viewer: Viewer, limit = 50): Promise<Inbox> {
  const [{ docs }, unread] = await Promise.all([
    payload.find({
      collection: 'notifications',
      where: inboxWhere(viewer),
      sort: '-createdAt',
      limit,
      depth: 0,
      pagination: false,
      // inboxWhere is a subset of the collection's read access; the override is only so readBy
      // (admins-only, it names other users) can say whether this viewer has read a shared row.
      overrideAccess: true,
    }),
    countUnread(payload, viewer),
  ])
  return { docs: docs.map(({ readBy, ...row }) => ({ ...row, read: isReadBy({ ...row, readBy }, viewer.id) })), unread }
}

/** One aggregate, not a row per item: personal rows without readAt, shared rows without this user in readBy. */
async function countUnread(payload: Payload, viewer: Viewer): Promise<number> {
  const db = await sqlExecutor(payload)
  const { rows } = await db.execute(sql`
    SELECT count(*)::int AS unread FROM notifications
    WHERE (recipient_id = ${viewer.id} AND read_at IS NULL)
       OR (recipient_role::text = ${viewer.role} AND created_at >= ${viewer.createdAt}::timestamptz
           AND NOT coalesce(read_by, '[]'::jsonb) @> to_jsonb(${viewer.id}::int))`)
  return Number(rows[0]?.unread ?? 0)
}
