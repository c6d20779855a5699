import type { FieldAccess, FieldHook } from 'payload'

import { isAdmin } from '../../../access/roles'
import { getConfig } from '../../../lib/env'
import { decryptSecret, encryptSecret, isEncrypted } from '../../../projects/credentialsCipher'

/** Credentials of a finished site: the owner sees them once the project is completed; admins always. */
export const canReadCredentials: FieldAccess = ({ req: { user }, doc }) => {
  if (isAdmin(user)) return true
  if (!user || !doc) return false
  const ownerId = typeof doc.owner === 'object' && doc.owner !== null ? doc.owner.id : doc.owner
  return ownerId === user.id && doc.status === 'completed'
}

export const encryptPassword: FieldHook = ({ value }) => {
  if (typeof value !== 'string' || value === '' || isEncrypted(value)) return value
  return encryptSecret(value, getConfig().CREDENTIALS_KEY)
}

export const decryptPassword: FieldHook = ({ value }) => {
  if (typeof value !== 'string' || !isEncrypted(value)) return value
  return decryptSecret(value, getConfig().CREDENTIALS_KEY)
}
