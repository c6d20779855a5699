import type { Payload } from 'payload'

import { BadRequest } from '../lib/errors'
import type { User } from '../payload-types'
import type { Registration } from '../src/lib/forms/authSchemas'
import { payloadFieldErrors } from './payloadErrors'

/** The registration was refused; `fieldErrors` says why, per form field, for the visitor. */
export class RegistrationRejected extends BadRequest {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('Pendaftaran belum bisa diproses. Periksa kembali isian Anda.', { fieldErrors })
    this.name = 'RegistrationRejected'
  }
}

const FIELD_MESSAGES: Record<string, (message: string) => string> = {
  email: (message) =>
    /already registered|unique/i.test(message) ? 'Email ini sudah terdaftar. Silakan masuk atau gunakan email lain.' : 'Email tidak valid.',
  phone: () => 'Nomor telepon hanya angka, boleh diawali +, contoh: +62 812 3456 7890.',
  name: () => 'Nama tidak valid.',
  password: () => 'Kata sandi tidak valid.',
}

/**
 * Creates a client account from a validated registration, through the Local API with the
 * visitor's own rights (no user, access rules on). The role is always client.
 */
export async function registerClient(payload: Payload, registration: Registration): Promise<User> {
  try {
    return await payload.create({
      collection: 'users',
      data: { name: registration.name, email: registration.email, phone: registration.phone, password: registration.password, role: 'client' },
      overrideAccess: false,
    })
  } catch (error) {
    const invalidFields = payloadFieldErrors(error)
    if (invalidFields) {
      const fieldErrors: Record<string, string> = {}
      for (const { path, message } of invalidFields) {
        const field = path.split('.')[0] ?? 'form'
        fieldErrors[field] ??= FIELD_MESSAGES[field]?.(message) ?? 'Isian ini tidak valid.'
      }
      throw new RegistrationRejected(fieldErrors)
    }
    throw error
  }
}
