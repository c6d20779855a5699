import type { FieldAccess, FieldHook } from 'payload'

import { isAdmin } from '../../../access/roles'
import { getConfig } from '../../../lib/env'
import { decryptSecret, encryptSecret } from '../../../projects/credentialsCipher'

/** Credentials of a finished site: the owner sees them once the project is completed; admins always. */
export const canReadCredentials: FieldAccess = ({ req: { user }, doc }) => {
  if (isAdmin(user)) return true
  if (!user || !doc) return false
  const ownerId = typeof doc.owner === 'object' && doc.owner !== null ? doc.owner.id : doc.owner
  return ownerId === user.id && doc.status === 'completed'
}

/**
 * Every write encrypts: what reaches this hook is always plaintext, because reads decrypt
 * (the admin form and Payload's merged original document both carry the plaintext back).
 */
export const encryptPassword: FieldHook = ({ value }) => {
  if (typeof value !== 'string' || value === '') return value
  return encryptSecret(value, getConfig().CREDENTIALS_KEY)
}

/** A value that cannot be decrypted (wrong key, tampered) reads as empty and is logged, never served raw. */
export const decryptPassword: FieldHook = ({ value, req }) => {
  if (typeof value !== 'string' || value === '') return value
  try {
    return decryptSecret(value, getConfig().CREDENTIALS_KEY)
  } catch (error) {
    req.payload.logger.error({ err: error }, 'a stored project credential could not be decrypted (is CREDENTIALS_KEY the one it was written with?)')
    return null
  }
}
