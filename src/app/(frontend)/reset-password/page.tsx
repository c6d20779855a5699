import type { Metadata } from 'next'
import Link from 'next/link'

import { AuthShell } from '@/components/site/AuthShell'
import { ResetPasswordForm } from '@/components/site/forms/ResetPasswordForm'
import { pageMetadata } from '@/lib/site/metadata'

type Props = { searchParams: Promise<{ token?: string | string[] }> }

export function generateMetadata(): Metadata {
  return {
    ...pageMetadata({ title: 'Atur ulang kata sandi', description: 'Buat kata sandi baru untuk akun JasaWeb Anda.', path: '/reset-password', noIndex: true }),
    // The address carries the reset token: never hand it to another site as a Referer.
    referrer: 'no-referrer',
  }
}

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams
  return (
    <AuthShell
      title="Buat kata sandi baru"
      intro="Pilih kata sandi yang belum pernah Anda pakai di tempat lain."
      footer={
        <>
          Kembali ke <Link href="/masuk">halaman masuk</Link>
        </>
      }
    >
      {typeof token === 'string' && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="notice notice--error" role="alert">
          <p>Tautan atur ulang tidak lengkap. Buka tautan dari email Anda, atau minta tautan baru.</p>
          <p>
            <Link href="/lupa-password">Minta tautan atur ulang</Link>
          </p>
        </div>
      )}
    </AuthShell>
  )
}
