import type { Where } from 'payload'

import type { Notification } from '../payload-types'
import type { RealtimeEvent, RealtimeEventType } from './protocol'

/**
 * A stored notification is an event: this module says what event it is and who gets it.
 * Pure: plain rows in, plain values out.
 */
export const rooms = {
  user: (id: number | string) => `user:${id}`,
  role: (role: string) => `role:${role}`,
  project: (id: number | string) => `project:${id}`,
  /** One Payload session's sockets, so a logout closes exactly those. */
  session: (sid: string) => `session:${sid}`,
}

/** Project and payment events also reach every admin, and the project's room when they name a project. */
const PROJECT_SCOPED: readonly Notification['type'][] = ['project_update', 'payment_update']

export function relationId(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'number') return value.id
  return null
}

/** The stored type `message` is an ordinary inbox item: the `notification` event. */
export function eventTypeOf(type: Notification['type']): RealtimeEventType {
  return type === 'message' ? 'notification' : type
}

function projectIdOf(row: Pick<Notification, 'data'>): number | null {
  const data = row.data
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null
  const projectId = (data as Record<string, unknown>).projectId
  return typeof projectId === 'number' && Number.isSafeInteger(projectId) ? projectId : null
}

/** The rooms one row's event goes to; Socket.IO delivers once per socket across them. */
export function roomsFor(row: Pick<Notification, 'recipient' | 'recipientRole' | 'type' | 'data'>): string[] {
  const targets: string[] = []
  const recipient = relationId(row.recipient)
  if (recipient !== null) targets.push(rooms.user(recipient))
  if (row.recipientRole) targets.push(rooms.role(row.recipientRole))
  if (PROJECT_SCOPED.includes(row.type)) {
    const projectId = projectIdOf(row)
    if (projectId !== null) targets.push(rooms.project(projectId))
    targets.push(rooms.role('admin'))
  }
  return [...new Set(targets)]
}

export function toEvent(row: Notification, read?: boolean): RealtimeEvent {
  const recipient = relationId(row.recipient)
  const data = row.data && typeof row.data === 'object' && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {}
  return {
    id: row.id,
    type: eventTypeOf(row.type),
    payload: {
      title: row.title,
      body: row.body ?? null,
      priority: row.priority,
      data,
      audience: recipient !== null ? { user: recipient } : { role: row.recipientRole ?? '' },
      ...(read === undefined ? {} : { read }),
    },
    timestamp: new Date(row.createdAt).toISOString(),
  }
}

type Viewer = { id: number; role: string; createdAt?: string | null }

/**
 * The stored events a user was sent live, for replay: the same rule as roomsFor, read from
 * the other side. Rows for a whole role count from the user's creation on, so a new account
 * does not inherit years of announcements.
 */
export function replayWhere(viewer: Viewer): Where {
  const addressed = inboxWhere(viewer).or ?? []
  if (viewer.role === 'admin') addressed.push({ and: [{ type: { in: [...PROJECT_SCOPED] } }, ...since(viewer)] })
  return { or: addressed }
}

const since = (viewer: Viewer): Where[] => (viewer.createdAt ? [{ createdAt: { greater_than_equal: viewer.createdAt } }] : [])

/**
 * A user's inbox: items addressed to them, and to their role since they joined. (Admins are
 * also sent every project and payment event live; those are not inbox items.)
 */
export function inboxWhere(viewer: Viewer): Where & { or: Where[] } {
  return { or: [{ recipient: { equals: viewer.id } }, { and: [{ recipientRole: { equals: viewer.role } }, ...since(viewer)] }] }
}

/** The user ids in a shared row's readBy (a JSON array the server writes). */
export function readersOf(row: Pick<Notification, 'readBy'>): number[] {
  return Array.isArray(row.readBy) ? row.readBy.filter((id): id is number => typeof id === 'number') : []
}

/** Whether this viewer has read the row: its own readAt, or its id in a shared row's readBy. */
export function isReadBy(row: Pick<Notification, 'recipient' | 'readAt' | 'readBy'>, viewerId: number): boolean {
  if (relationId(row.recipient) === viewerId) return Boolean(row.readAt)
  return readersOf(row).includes(viewerId)
}
