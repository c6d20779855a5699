import { landingPathFor } from '../../accounts/landingPath'
import { passwordResetHtml, passwordResetUrl } from '../../accounts/passwordResetEmail'
import { forgotPasswordSchema, loginSchema, registrationSchema, resetPasswordSchema } from '../../src/lib/forms/authSchemas'
import { fieldErrorsOf } from '../../src/lib/forms/formState'
import { safeLocalPath } from '../../src/lib/site/paths'
import { registrationForm } from '../helpers/accountForms'

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) => (result.success || !result.error ? {} : fieldErrorsOf(result.error))

describe('the registration form', () => {
  it('accepts a complete form, trimming and lower-casing the email, with the phone optional', () => {
    const result = registrationSchema.safeParse(registrationForm({ email: '  Rina@SMKMaju.sch.id ', phone: '' }))
    expect(result.success).toBe(true)
    expect(result.data).toMatchObject({ email: 'rina@smkmaju.sch.id', phone: undefined })
  })

  it('drops fields it does not know (a role sent along never reaches Payload)', () => {
    const result = registrationSchema.safeParse({ ...registrationForm(), role: 'admin' })
    expect(result.data).not.toHaveProperty('role')
  })

  it('names every problem next to its field at once', () => {
    expect(errorsOf(registrationSchema.safeParse({ name: 'R', email: 'bukan-email', phone: 'abc', password: 'pendek', confirmPassword: 'lain' }))).toEqual({
      name: 'Nama minimal 2 karakter.',
      email: 'Format email tidak valid, contoh: nama@sekolah.sch.id.',
      phone: 'Nomor telepon hanya angka, boleh diawali +, contoh: +62 812 3456 7890.',
      password: 'Kata sandi minimal 8 karakter.',
      confirmPassword: 'Konfirmasi kata sandi tidak sama.',
      terms: 'Setujui kebijakan privasi untuk melanjutkan.',
    })
  })

  it('asks for the missing fields', () => {
    expect(errorsOf(registrationSchema.safeParse({}))).toMatchObject({
      name: 'Nama wajib diisi.',
      email: 'Email wajib diisi.',
      password: 'Kata sandi wajib diisi.',
      confirmPassword: 'Ulangi kata sandi Anda.',
    })
  })

  it('says when the two passwords differ', () => {
    expect(errorsOf(registrationSchema.safeParse(registrationForm({ confirmPassword: 'rahasia-124' })))).toEqual({ confirmPassword: 'Konfirmasi kata sandi tidak sama.' })
  })
})

describe('the login, forgot and reset forms', () => {
  it('needs an email and a password to log in', () => {
    expect(errorsOf(loginSchema.safeParse({ email: '', password: '' }))).toEqual({ email: 'Email wajib diisi.', password: 'Kata sandi wajib diisi.' })
    expect(loginSchema.parse({ email: 'Budi@SDHarapan.sch.id', password: 'x' }).email).toBe('budi@sdharapan.sch.id')
  })

  it('needs a well-formed email to send a reset link', () => {
    expect(errorsOf(forgotPasswordSchema.safeParse({ email: 'budi' }))).toEqual({ email: 'Format email tidak valid, contoh: nama@sekolah.sch.id.' })
  })

  it('refuses a malformed reset token and a weak new password', () => {
    expect(errorsOf(resetPasswordSchema.safeParse({ token: '../admin', password: 'pendek', confirmPassword: 'pendek' }))).toEqual({
      token: 'Tautan atur ulang tidak valid. Minta tautan baru.',
      password: 'Kata sandi minimal 8 karakter.',
    })
    expect(resetPasswordSchema.safeParse({ token: 'a'.repeat(40), password: 'sandi-baru-456', confirmPassword: 'sandi-baru-456' }).success).toBe(true)
  })
})

describe('where a user lands after logging in', () => {
  it('sends clients to the portal and staff to the admin', () => {
    expect(landingPathFor({ role: 'client' })).toBe('/portal')
    expect(landingPathFor({ role: 'editor' })).toBe('/admin')
    expect(landingPathFor({ role: 'admin' })).toBe('/admin')
  })

  it('returns a user to the page they were sent away from', () => {
    expect(landingPathFor({ role: 'client' }, '/portal/tagihan')).toBe('/portal/tagihan')
    expect(landingPathFor({ role: 'admin' }, '/admin/collections/posts')).toBe('/admin/collections/posts')
    expect(landingPathFor({ role: 'client' }, '/harga')).toBe('/harga')
  })

  it("ignores another site, the other role's area and the account pages", () => {
    expect(landingPathFor({ role: 'client' }, '//evil.example/portal')).toBe('/portal')
    expect(landingPathFor({ role: 'client' }, '/\\evil.example')).toBe('/portal')
    expect(landingPathFor({ role: 'client' }, 'https://evil.example')).toBe('/portal')
    expect(landingPathFor({ role: 'client' }, '/admin')).toBe('/portal')
    expect(landingPathFor({ role: 'editor' }, '/portal')).toBe('/admin')
    expect(landingPathFor({ role: 'client' }, '/masuk?next=/portal')).toBe('/portal')
  })

  it('follows only paths on this site', () => {
    expect(safeLocalPath('/blog')).toBe('/blog')
    expect(safeLocalPath(['/blog'])).toBeUndefined()
    expect(safeLocalPath('blog')).toBeUndefined()
  })
})

describe('the password reset email', () => {
  it('links to the public reset page on SERVER_URL', () => {
    expect(passwordResetUrl('abc123')).toMatch(/^https?:\/\/[^/]+\/reset-password\?token=abc123$/)
  })

  it('escapes the name it greets', () => {
    const html = passwordResetHtml({ token: 'abc123', user: { name: '<script>alert(1)</script>' } })
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('/reset-password?token=abc123')
  })
})
