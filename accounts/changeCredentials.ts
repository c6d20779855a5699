import { APIError, type Payload } from 'payload'

import type { User } from '../payload-types'
import { loginRefusal } from './payloadErrors'

/** The current password was wrong (or the account is locked): the change is refused. */
export class CurrentPasswordRejected extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    this.name = 'CurrentPasswordRejected'
  }
}

/** `context` flag that lets a verified email/password change past `requireCurrentPassword`. */
export const CREDENTIALS_VERIFIED = 'credentialsVerified'

/**
 * A client changes their email or password: only with their current password, checked by
 * Payload's own login (so wrong guesses count towards the lock-out, like failed logins).
 */
export async function changeCredentials(payload: Payload, user: User, change: { currentPassword: string; email?: string; password?: string }): Promise<User> {
  try {
    await payload.login({ collection: 'users', data: { email: user.email, password: change.currentPassword } })
  } catch (error) {
    const refusal = loginRefusal(error)
    if (refusal === 'locked') throw new CurrentPasswordRejected('Akun terkunci sementara karena terlalu banyak percobaan. Coba lagi dalam 15 menit.')
    if (refusal === 'wrong') throw new CurrentPasswordRejected('Kata sandi saat ini salah.')
    throw error
  }
  const data: { email?: string; password?: string } = {}
  if (change.email && change.email !== user.email) data.email = change.email
  if (change.password) data.password = change.password
  return payload.update({ collection: 'users', id: user.id, data, user, overrideAccess: false, depth: 0, context: { [CREDENTIALS_VERIFIED]: true } })
}
