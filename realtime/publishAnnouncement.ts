import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Announcement } from '../payload-types'
import { publishEvent } from './publish'

/** Which roles an audience reaches; "all" is one stored event per role. */
export const AUDIENCE_ROLES = {
  all: ['admin', 'editor', 'client'],
  clients: ['client'],
  admins: ['admin'],
} as const satisfies Record<Announcement['audience'], readonly ('admin' | 'editor' | 'client')[]>

type Timing = Pick<Announcement, 'publishAt' | 'expiresAt'>

export function isPublished(announcement: Timing, now = new Date()): boolean {
  return !announcement.publishAt || new Date(announcement.publishAt) <= now
}

export function isExpired(announcement: Timing, now = new Date()): boolean {
  return Boolean(announcement.expiresAt && new Date(announcement.expiresAt) <= now)
}

/**
 * announcements beforeChange: `notifiedAt` is the server's record that the announcement went
 * out; it is set here, once, when the announcement is (or becomes) published, and can never
 * be set or cleared from outside.
 */
export const stampAnnouncementNotified: CollectionBeforeChangeHook<Announcement> = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data } as Timing
  const already = originalDoc?.notifiedAt ?? null
  const due = !already && isPublished(merged) && !isExpired(merged)
  return { ...data, notifiedAt: already ?? (due ? new Date().toISOString() : null) }
}

async function queueAtPublishTime(req: PayloadRequest, announcement: Announcement): Promise<void> {
  await req.payload.jobs.queue({ task: 'publishAnnouncement', input: { announcementId: announcement.id }, waitUntil: new Date(announcement.publishAt!), req })
}

/**
 * announcements afterChange: a newly published announcement becomes one system_notification
 * per audience role, with its priority; a future one is queued for its publishAt.
 */
export const publishAnnouncement: CollectionAfterChangeHook<Announcement> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.skipRealtime) return doc
  if (doc.notifiedAt && !previousDoc?.notifiedAt) {
    for (const role of AUDIENCE_ROLES[doc.audience]) {
      await publishEvent(req, {
        recipientRole: role,
        type: 'system_notification',
        priority: doc.priority,
        title: doc.title,
        body: doc.body,
        data: { announcementId: doc.id, audience: doc.audience },
      })
    }
    return doc
  }
  const rescheduled = operation === 'create' || doc.publishAt !== previousDoc?.publishAt
  if (!doc.notifiedAt && doc.publishAt && rescheduled && !isPublished(doc)) await queueAtPublishTime(req, doc)
  return doc
}
