import { z } from 'zod'

import { defineTask } from '../defineTask'

/**
 * Sends a scheduled announcement when its publishAt comes (queued with waitUntil by
 * realtime/publishAnnouncement.ts). Touching the document is enough: the announcements
 * hooks stamp notifiedAt and store the events. A stale job (rescheduled, deleted, already
 * sent) finds nothing to do.
 */
export const publishAnnouncementTask = defineTask({
  slug: 'publishAnnouncement',
  label: 'Terbitkan pengumuman terjadwal',
  queue: 'default',
  input: z.object({ announcementId: z.number().int().positive() }),
  retries: 5,
  backoffMs: 10_000,
  handler: async ({ announcementId }, req) => {
    const announcement = await req.payload.findByID({ collection: 'announcements', id: announcementId, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!announcement || announcement.notifiedAt) return { published: false }
    const updated = await req.payload.update({ collection: 'announcements', id: announcement.id, data: {}, overrideAccess: true, req, context: { skipAudit: true } })
    return { published: Boolean(updated.notifiedAt) }
  },
})
