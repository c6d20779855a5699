import type { PayloadRequest } from 'payload'

import type { Announcement } from '../payload-types'

export type BroadcastInput = Pick<Announcement, 'title' | 'body' | 'priority' | 'audience'>

/**
 * An admin's broadcast is an announcement published now: saved with the admin's own access,
 * and the announcements hooks turn it into stored events that go out after the commit.
 */
export async function broadcastAnnouncement(req: PayloadRequest, input: BroadcastInput): Promise<Announcement> {
  return req.payload.create({ collection: 'announcements', data: { ...input, publishAt: new Date().toISOString() }, req, user: req.user, overrideAccess: false, depth: 0 })
}
