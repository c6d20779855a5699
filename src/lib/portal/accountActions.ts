'use server'

import { revalidatePath } from 'next/cache'

import { changeCredentials, CurrentPasswordRejected } from '../../../accounts/changeCredentials'
import { payloadFieldErrors } from '../../../accounts/payloadErrors'
import { emailChangeSchema, passwordChangeSchema, profileSchema } from '../forms/accountSchemas'
import { fieldErrorsOf, type FormState, textFields } from '../forms/formState'
import { requireClient } from './requireClient'

/**
 * Akun Saya's server actions. Each validates with its zod schema (errors next to fields),
 * writes through Payload as the logged-in client, and maps Payload's refusals back onto the
 * field they concern. Passwords are never echoed back.
 */
const CHECK_FIELDS = 'Periksa kembali isian yang ditandai.'
const SERVER_TROUBLE = 'Maaf, server kami sedang bermasalah. Coba lagi beberapa saat lagi.'
const input = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === 'string'))

function refusal(error: unknown, values: Record<string, string>): FormState | undefined {
  if (error instanceof CurrentPasswordRejected) return { status: 'error', message: error.message, fieldErrors: { currentPassword: error.message }, values }
  const issues = payloadFieldErrors(error)
  if (issues) {
    const fieldErrors = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]))
    if (fieldErrors.email) fieldErrors.email = 'Email ini sudah dipakai akun lain.'
    return { status: 'error', message: CHECK_FIELDS, fieldErrors, values }
  }
  return undefined
}

export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = textFields(formData, ['name', 'phone'])
  const parsed = profileSchema.safeParse(input(formData))
  if (!parsed.success) return { status: 'error', message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error), values }
  const { payload, user } = await requireClient()
  try {
    await payload.update({ collection: 'users', id: user.id, data: parsed.data, user, overrideAccess: false, depth: 0 })
  } catch (error) {
    const known = refusal(error, values)
    if (known) return known
    payload.logger.error({ err: error }, 'profile update failed')
    return { status: 'error', message: SERVER_TROUBLE, values }
  }
  revalidatePath('/portal', 'layout')
  return { status: 'success', message: 'Profil tersimpan.', values }
}

export async function changeEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = textFields(formData, ['email'])
  const parsed = emailChangeSchema.safeParse(input(formData))
  if (!parsed.success) return { status: 'error', message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error), values }
  const { payload, user } = await requireClient()
  if (parsed.data.email === user.email) return { status: 'error', message: CHECK_FIELDS, fieldErrors: { email: 'Ini sudah email Anda saat ini.' }, values }
  try {
    await changeCredentials(payload, user, { currentPassword: parsed.data.currentPassword, email: parsed.data.email })
  } catch (error) {
    const known = refusal(error, values)
    if (known) return known
    payload.logger.error({ err: error }, 'email change failed')
    return { status: 'error', message: SERVER_TROUBLE, values }
  }
  revalidatePath('/portal', 'layout')
  return { status: 'success', message: `Email diganti menjadi ${parsed.data.email}. Gunakan email ini saat masuk berikutnya.`, values: {} }
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = passwordChangeSchema.safeParse(input(formData))
  if (!parsed.success) return { status: 'error', message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) }
  const { payload, user } = await requireClient()
  try {
    await changeCredentials(payload, user, { currentPassword: parsed.data.currentPassword, password: parsed.data.password })
  } catch (error) {
    const known = refusal(error, {})
    if (known) return known
    payload.logger.error({ err: error }, 'password change failed')
    return { status: 'error', message: SERVER_TROUBLE }
  }
  return { status: 'success', message: 'Kata sandi diganti. Gunakan kata sandi baru saat masuk berikutnya.' }
}
