import { z } from 'zod'

import { PHONE_PATTERN } from '../../../fields/validators'
import { PASSWORD_MIN_LENGTH } from './authSchemas'

/** Akun Saya's forms: the rules, with the messages shown next to each field. */
const currentPassword = z.string({ error: 'Masukkan kata sandi saat ini.' }).min(1, 'Masukkan kata sandi saat ini.').max(128, 'Kata sandi maksimal 128 karakter.')

export const profileSchema = z.object({
  name: z.string({ error: 'Nama wajib diisi.' }).trim().min(2, 'Nama minimal 2 karakter.').max(120, 'Nama maksimal 120 karakter.'),
  phone: z
    .string()
    .trim()
    .max(24, 'Nomor telepon terlalu panjang.')
    .refine((value) => value === '' || PHONE_PATTERN.test(value), 'Nomor telepon hanya angka, boleh diawali +, contoh: +62 812 3456 7890.')
    .optional()
    .transform((value) => value || null),
})

export const emailChangeSchema = z.object({
  email: z
    .string({ error: 'Email wajib diisi.' })
    .trim()
    .min(1, 'Email wajib diisi.')
    .max(254, 'Email terlalu panjang.')
    .pipe(z.email({ error: 'Format email tidak valid, contoh: nama@sekolah.sch.id.' }))
    .transform((value) => value.toLowerCase()),
  currentPassword,
})

export const passwordChangeSchema = z
  .object({
    currentPassword,
    password: z
      .string({ error: 'Kata sandi baru wajib diisi.' })
      .min(PASSWORD_MIN_LENGTH, `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`)
      .max(128, 'Kata sandi maksimal 128 karakter.'),
    confirmPassword: z.string({ error: 'Ulangi kata sandi baru.' }).min(1, 'Ulangi kata sandi baru.'),
  })
  .superRefine((data, ctx) => {
    if (data.password !== data.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Konfirmasi kata sandi tidak sama.' })
    if (data.password === data.currentPassword) ctx.addIssue({ code: 'custom', path: ['password'], message: 'Kata sandi baru harus berbeda dari yang sekarang.' })
  })
