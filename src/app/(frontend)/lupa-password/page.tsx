import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'

import { AuthShell } from '@/components/site/AuthShell'
import { ForgotPasswordForm } from '@/components/site/forms/ForgotPasswordForm'
import { pageMetadata } from '@/lib/site/metadata'

export function generateMetadata(): Metadata {
  return pageMetadata({ title: 'Lupa kata sandi', description: 'Atur ulang kata sandi akun JasaWeb Anda lewat email.', path: '/lupa-password', noIndex: true })
}

export default async function ForgotPasswordPage() {
  await connection()
  return (
    <AuthShell
      title="Lupa kata sandi?"
      intro="Masukkan email akun Anda. Kami kirimkan tautan untuk membuat kata sandi baru."
      footer={
        <>
          Ingat kata sandi Anda? <Link href="/masuk">Masuk</Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthShell>
  )
}
