import { z } from 'zod'

import { PHONE_PATTERN } from '../../../fields/validators'

/**
 * The account forms' rules, with the messages a visitor reads next to each field. Shared by
 * the server actions that enforce them and the unit tests that pin them down; the field
 * rules are exported for the other account forms (the portal's Akun Saya).
 */
export const emailField = z
  .string({ error: 'Email wajib diisi.' })
  .trim()
  .min(1, 'Email wajib diisi.')
  .max(254, 'Email terlalu panjang.')
  .pipe(z.email({ error: 'Format email tidak valid, contoh: nama@sekolah.sch.id.' }))
  .transform((value) => value.toLowerCase())

export const PASSWORD_MIN_LENGTH = 8

export const nameField = z.string({ error: 'Nama wajib diisi.' }).trim().min(2, 'Nama minimal 2 karakter.').max(120, 'Nama maksimal 120 karakter.')

/** Optional: an empty string passes (callers map it to "no phone"). */
export const phoneField = z
  .string()
  .trim()
  .max(24, 'Nomor telepon terlalu panjang.')
  .refine((value) => value === '' || PHONE_PATTERN.test(value), 'Nomor telepon hanya angka, boleh diawali +, contoh: +62 812 3456 7890.')
  .optional()

export const newPasswordField = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(PASSWORD_MIN_LENGTH, `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`)
  .max(128, 'Kata sandi maksimal 128 karakter.')

export const passwordsMatch = (data: { password: string; confirmPassword: string }) => data.password === data.confirmPassword

/**
 * "The two passwords differ", reported on the confirmation field: `.refine(passwordsMatch,
 * confirmationError)`. It runs even when other fields failed (zod skips object refinements
 * then by default), so every problem shows at once.
 */
export const confirmationError = {
  message: 'Konfirmasi kata sandi tidak sama.',
  path: ['confirmPassword'],
  when: ({ value }: { value: unknown }) => {
    const { password, confirmPassword } = (value ?? {}) as Record<string, unknown>
    return typeof password === 'string' && typeof confirmPassword === 'string' && confirmPassword !== ''
  },
}

export const registrationSchema = z
  .object({
    name: nameField,
    email: emailField,
    phone: phoneField.transform((value) => value || undefined),
    password: newPasswordField,
    confirmPassword: z.string({ error: 'Ulangi kata sandi Anda.' }).min(1, 'Ulangi kata sandi Anda.'),
    terms: z.literal('on', { error: 'Setujui kebijakan privasi untuk melanjutkan.' }),
  })
  .refine(passwordsMatch, confirmationError)

export type Registration = z.infer<typeof registrationSchema>

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Kata sandi wajib diisi.' }).min(1, 'Kata sandi wajib diisi.').max(128, 'Kata sandi maksimal 128 karakter.'),
})

export const forgotPasswordSchema = z.object({ email: emailField })

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: 'Tautan atur ulang tidak lengkap.' }).regex(/^[a-f0-9]{20,128}$/i, 'Tautan atur ulang tidak valid. Minta tautan baru.'),
    password: newPasswordField,
    confirmPassword: z.string({ error: 'Ulangi kata sandi Anda.' }).min(1, 'Ulangi kata sandi Anda.'),
  })
  .refine(passwordsMatch, confirmationError)
