import { getConfig } from '../lib/env'

/**
 * The forgot-password email. Payload's default links to the admin's reset view; everyone
 * (clients and staff) resets on the public site's page instead, at SERVER_URL.
 */
export function passwordResetUrl(token: string): string {
  return `${getConfig().SERVER_URL}/reset-password?token=${encodeURIComponent(token)}`
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char)

export const passwordResetSubject = (): string => 'Atur ulang kata sandi JasaWeb Anda'

export function passwordResetHtml(args?: { token?: string; user?: { name?: unknown } }): string {
  const { token, user } = args ?? {}
  const url = escapeHtml(passwordResetUrl(token ?? ''))
  const name = typeof user?.name === 'string' && user.name ? escapeHtml(user.name) : 'Pelanggan JasaWeb'
  return `<!doctype html>
<html lang="id">
<body style="margin:0;padding:24px;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
  <div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:32px">
    <p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#1d4ed8">JasaWeb</p>
    <p>Halo ${name},</p>
    <p>Kami menerima permintaan untuk mengatur ulang kata sandi akun JasaWeb Anda. Klik tombol di bawah untuk membuat kata sandi baru. Tautan ini berlaku selama 1 jam.</p>
    <p style="margin:28px 0"><a href="${url}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:bold">Atur ulang kata sandi</a></p>
    <p style="font-size:14px;color:#475569">Atau salin alamat ini ke peramban Anda:<br><a href="${url}" style="color:#1d4ed8;word-break:break-all">${url}</a></p>
    <p style="font-size:14px;color:#475569">Jika Anda tidak meminta ini, abaikan email ini; kata sandi Anda tidak berubah.</p>
  </div>
</body>
</html>`
}
