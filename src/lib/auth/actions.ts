'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { createLocalReq, logoutOperation } from 'payload'

import { landingPathFor } from '../../../accounts/landingPath'
import { loginRefusal, payloadErrorStatus } from '../../../accounts/payloadErrors'
import { registerClient, RegistrationRejected } from '../../../accounts/registerClient'
import { rateLimitedFor } from '../../../rateLimit/rateLimitMiddleware'
import { forgotPasswordSchema, loginSchema, registrationSchema, resetPasswordSchema } from '../forms/authSchemas'
import { fieldErrorsOf, type FormState, textFields } from '../forms/formState'
import { sitePayload } from '../site/data'
import { currentUser } from './currentUser'
import { clearSessionCookie, setSessionCookie } from './session'

/**
 * The account forms' server actions. Each validates with the form's zod schema (errors go
 * back next to their fields), calls Payload, and maps Payload's refusals to what the
 * visitor should do next. Unexpected failures are logged and answered with a generic
 * message; passwords are never sent back to the form.
 */
const SERVER_TROUBLE = 'Maaf, server kami sedang bermasalah. Coba lagi beberapa saat lagi.'
const CHECK_FIELDS = 'Periksa kembali isian yang ditandai.'

/** The form's answer when server.ts found this post over its budget (login, sign-up, password reset), else null. */
async function overBudget(values?: Record<string, string>): Promise<FormState | null> {
  const seconds = rateLimitedFor(await headers())
  if (seconds === null) return null
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} menit` : `${seconds} detik`
  return { status: 'error', message: `Terlalu banyak percobaan dari alamat Anda. Coba lagi dalam ${wait}.`, values }
}

const formInput = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === 'string'))

export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = textFields(formData, ['name', 'email', 'phone'])
  const refused = await overBudget(values)
  if (refused) return refused
  const parsed = registrationSchema.safeParse(formInput(formData))
  if (!parsed.success) return { status: 'error', message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error), values }

  const payload = await sitePayload()
  let landing: string
  try {
    const user = await registerClient(payload, parsed.data)
    // Logged in straight away: the portal is the new client's next step.
    const { token } = await payload.login({ collection: 'users', data: { email: parsed.data.email, password: parsed.data.password } })
    if (token) await setSessionCookie(payload, token)
    landing = landingPathFor(user, formData.get('next'))
  } catch (error) {
    if (error instanceof RegistrationRejected) return { status: 'error', message: error.message, fieldErrors: error.fieldErrors, values }
    payload.logger.error({ err: error }, 'registration failed')
    return { status: 'error', message: SERVER_TROUBLE, values }
  }
  redirect(landing)
}

export async function loginAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = textFields(formData, ['email'])
  const refused = await overBudget(values)
  if (refused) return refused
  const parsed = loginSchema.safeParse(formInput(formData))
  if (!parsed.success) return { status: 'error', message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error), values }

  const payload = await sitePayload()
  let landing: string
  try {
    const { token, user } = await payload.login({ collection: 'users', data: parsed.data })
    if (!token || !user) throw new Error('Payload returned no session')
    await setSessionCookie(payload, token)
    landing = landingPathFor(user, formData.get('next'))
  } catch (error) {
    const refusal = loginRefusal(error)
    if (refusal === 'locked') {
      return { status: 'error', message: 'Akun ini dikunci sementara karena terlalu banyak percobaan masuk. Coba lagi 15 menit lagi, atau atur ulang kata sandi.', values }
    }
    if (refusal === 'wrong') return { status: 'error', message: 'Email atau kata sandi salah.', values }
    payload.logger.error({ err: error }, 'login failed')
    return { status: 'error', message: SERVER_TROUBLE, values }
  }
  redirect(landing)
}

/** Ends the session on the server (Payload removes it, so the old token stops working) and clears the cookie. */
export async function logoutAction(): Promise<void> {
  const payload = await sitePayload()
  const user = await currentUser()
  if (user) {
    const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
    await logoutOperation({ collection: payload.collections.users, req }).catch((error: unknown) => payload.logger.warn({ err: error }, 'logout failed'))
  }
  await clearSessionCookie(payload)
  redirect('/')
}

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = textFields(formData, ['email'])
  const refused = await overBudget(values)
  if (refused) return refused
  const parsed = forgotPasswordSchema.safeParse(formInput(formData))
  if (!parsed.success) return { status: 'error', message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error), values }

  const payload = await sitePayload()
  try {
    await payload.forgotPassword({ collection: 'users', data: { email: parsed.data.email } })
  } catch (error) {
    payload.logger.error({ err: error }, 'password reset request failed')
    return { status: 'error', message: SERVER_TROUBLE, values }
  }
  // The same answer whether or not the address has an account: the form must not reveal who is a client.
  return {
    status: 'success',
    message: `Jika ${parsed.data.email} terdaftar, kami telah mengirim tautan untuk mengatur ulang kata sandi. Periksa kotak masuk dan folder spam Anda; tautan berlaku 1 jam.`,
  }
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const refused = await overBudget()
  if (refused) return refused
  const parsed = resetPasswordSchema.safeParse(formInput(formData))
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error)
    // The token is not a field the visitor can fix: its message is the form's message.
    return { status: 'error', message: fieldErrors.token ?? CHECK_FIELDS, fieldErrors }
  }

  const payload = await sitePayload()
  try {
    await payload.resetPassword({ collection: 'users', data: { token: parsed.data.token, password: parsed.data.password }, overrideAccess: true })
  } catch (error) {
    // 403: the token is unknown, used or expired.
    if (payloadErrorStatus(error) === 403) {
      const message = 'Tautan atur ulang ini sudah tidak berlaku atau sudah dipakai. Minta tautan baru.'
      return { status: 'error', message, fieldErrors: { token: message } }
    }
    payload.logger.error({ err: error }, 'password reset failed')
    return { status: 'error', message: SERVER_TROUBLE }
  }
  redirect('/masuk?sandi=diperbarui')
}
