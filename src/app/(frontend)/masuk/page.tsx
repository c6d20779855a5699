import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { AuthShell } from '@/components/site/AuthShell'
import { LoginForm } from '@/components/site/forms/LoginForm'
import { currentUser } from '@/lib/auth/currentUser'
import { pageMetadata } from '@/lib/site/metadata'
import { safeLocalPath } from '@/lib/site/paths'

import { landingPathFor } from '../../../../accounts/landingPath'

type Props = { searchParams: Promise<{ next?: string | string[]; sandi?: string | string[] }> }

export function generateMetadata(): Metadata {
  return pageMetadata({ title: 'Masuk', description: 'Masuk ke portal klien JasaWeb untuk memantau proyek dan membayar tagihan.', path: '/masuk' })
}

export default async function LoginPage({ searchParams }: Props) {
  const { next, sandi } = await searchParams
  const requested = safeLocalPath(next)
  const user = await currentUser()
  if (user) redirect(landingPathFor(user, requested))
  const registerHref = requested ? `/daftar?next=${encodeURIComponent(requested)}` : '/daftar'

  return (
    <AuthShell
      title="Masuk ke akun Anda"
      intro="Klien masuk ke portal klien; tim JasaWeb diarahkan ke dasbor admin."
      footer={
        <>
          Belum punya akun? <Link href={registerHref}>Daftar sekarang</Link>
        </>
      }
    >
      {sandi === 'diperbarui' && (
        <div className="notice notice--success" role="status">
          <p>Kata sandi Anda sudah diperbarui. Silakan masuk dengan kata sandi baru.</p>
        </div>
      )}
      <LoginForm next={requested} />
    </AuthShell>
  )
}
