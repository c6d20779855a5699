import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLogoutHook } from 'payload'

import type { User } from '../payload-types'
import { runAfterCommit } from './afterCommit'
import { rooms } from './notificationEvents'
import { closeSockets } from './publish'

/**
 * A socket is authorised once, at its handshake. When what it was authorised as stops being
 * true (the user is deleted, changes role, or logs out), the users hooks close its sockets
 * on every instance, after the change commits. A client that is still entitled reconnects
 * and is authorised afresh (new role rooms); the others are refused.
 */
export const closeSocketsOnRoleChange: CollectionAfterChangeHook<User> = ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc || doc.role === previousDoc.role) return doc
  runAfterCommit(req, () => closeSockets(rooms.user(doc.id), { code: 'session_ended', message: 'Your role changed: reconnect to continue with your new access.' }))
  return doc
}

export const closeSocketsOnDelete: CollectionAfterDeleteHook<User> = ({ doc, req }) => {
  runAfterCommit(req, () => closeSockets(rooms.user(doc.id), { code: 'session_ended', message: 'This account was deleted.' }))
  return doc
}

export const closeSocketsOnLogout: CollectionAfterLogoutHook = ({ req }) => {
  const user = req.user as (User & { _sid?: string }) | null
  if (!user) return
  const everySession = req.searchParams?.get('allSessions') === 'true'
  const room = everySession || !user._sid ? rooms.user(user.id) : rooms.session(user._sid)
  runAfterCommit(req, () => closeSockets(room, { code: 'session_ended', message: 'You logged out.' }))
}
