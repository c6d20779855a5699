import type { TaskConfig } from 'payload'

/**
 * Sends a scheduled announcement when its publishAt comes (queued with waitUntil by
 * realtime/publishAnnouncement.ts). Touching the document is enough: the announcements
 * hooks stamp notifiedAt and store the events. A stale job (rescheduled, deleted, already
 * sent) finds nothing to do.
 */
export const publishAnnouncementTask: TaskConfig<{ input: { announcementId: number }; output: { published: boolean } }> = {
  slug: 'publishAnnouncement',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'announcementId', type: 'number', required: true }],
  outputSchema: [{ name: 'published', type: 'checkbox', required: true }],
  handler: async ({ input, req }) => {
    const announcement = await req.payload.findByID({ collection: 'announcements', id: input.announcementId, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!announcement || announcement.notifiedAt) return { output: { published: false } }
    const updated = await req.payload.update({ collection: 'announcements', id: announcement.id, data: {}, overrideAccess: true, req, context: { skipAudit: true } })
    return { output: { published: Boolean(updated.notifiedAt) } }
  },
}
