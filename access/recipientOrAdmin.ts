import type { Access, Where } from 'payload'

import { isAdmin } from './roles'

/** Notifications addressed to the user, or to the user's whole role. */
export const recipientOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const addressedToUser: Where = {
    or: [{ recipient: { equals: user.id } }, { recipientRole: { equals: user.role } }],
  }
  return addressedToUser
}

/** Only notifications addressed to the user personally can be marked read by them. */
export const ownRecipientOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { recipient: { equals: user.id } }
}
