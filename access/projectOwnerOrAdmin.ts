import type { Access } from 'payload'

import { hasRole, isAdmin } from './roles'

/** Admins see every project; a client only the projects it owns. Editors see none. */
export const projectOwnerOrAdmin: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (user && hasRole(user, 'client')) return { owner: { equals: user.id } }
  return false
}
