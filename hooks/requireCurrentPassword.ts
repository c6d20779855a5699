import type { CollectionBeforeOperationHook } from 'payload'

import { CREDENTIALS_VERIFIED } from '../accounts/changeCredentials'
import { hasRole } from '../access/roles'
import { Forbidden } from '../lib/errors'

/**
 * A client's email or password changes only through `changeCredentials`, which checks the
 * current password first: a stolen session alone (REST or GraphQL) cannot take the account
 * over. Password resets by email do not pass through here (Payload writes those directly).
 */
export const requireCurrentPassword: CollectionBeforeOperationHook = ({ args, operation, req, context }) => {
  if (operation !== 'update' || !hasRole(req.user, 'client') || context?.[CREDENTIALS_VERIFIED] === true) return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const changesEmail = typeof data.email === 'string' && data.email.toLowerCase() !== req.user?.email?.toLowerCase()
  if ('password' in data || changesEmail) {
    throw new Forbidden('Mengubah email atau kata sandi memerlukan kata sandi saat ini: gunakan halaman Akun Saya di portal.')
  }
  return args
}
