import type { Access } from 'payload'

import { hasRole, isAdmin } from './roles'

/** A client's invoices are those of the projects it owns: one source of truth, the project owner. */
export const invoiceOwnerOrAdmin: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (user && hasRole(user, 'client')) return { 'project.owner': { equals: user.id } }
  return false
}
