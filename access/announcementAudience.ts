import type { Access, Where } from 'payload'

import { hasRole, isAdmin } from './roles'

/** Admins read all announcements; others read those published for their audience and not expired. */
export const announcementAudience: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const now = new Date().toISOString()
  const audiences = hasRole(user, 'client') ? ['all', 'clients'] : ['all']
  const visible: Where = {
    and: [
      { audience: { in: audiences } },
      { or: [{ publishAt: { exists: false } }, { publishAt: { less_than_equal: now } }] },
      { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] },
    ],
  }
  return visible
}
