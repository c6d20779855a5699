import { greeting } from '../email/greeting'
import { renderEmailLayout } from '../email/layout'
import { getConfig } from '../lib/env'

/**
 * The forgot-password email. Payload's default links to the admin's reset view; everyone
 * (clients and staff) resets on the public site's page instead, at SERVER_URL.
 */
export function passwordResetUrl(token: string): string {
  return `${getConfig().SERVER_URL}/reset-password?token=${encodeURIComponent(token)}`
}

export const passwordResetSubject = (): string => 'Atur ulang kata sandi JasaWeb Anda'

// Payload's forgotPassword sends only the HTML this returns, so there is no text part to give it.
export function passwordResetHtml(args?: { token?: string; user?: { name?: unknown } }): string {
  const { token, user } = args ?? {}
  const name = typeof user?.name === 'string' ? user.name : null
  return renderEmailLayout({
    preheader: 'Tautan untuk membuat kata sandi baru; berlaku selama 1 jam.',
    heading: 'Atur ulang kata sandi',
    paragraphs: [
      greeting(name),
      'Kami menerima permintaan untuk mengatur ulang kata sandi akun JasaWeb Anda. Klik tombol di bawah untuk membuat kata sandi baru. Tautan ini berlaku selama 1 jam.',
    ],
    action: { label: 'Atur ulang kata sandi', url: passwordResetUrl(token ?? '') },
    footnote: 'Jika Anda tidak meminta ini, abaikan email ini; kata sandi Anda tidak berubah.',
  }).html
}
