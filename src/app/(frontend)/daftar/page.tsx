import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { AuthShell } from '@/components/site/AuthShell'
import { RegisterForm } from '@/components/site/forms/RegisterForm'
import { currentUser } from '@/lib/auth/currentUser'
import { pageMetadata } from '@/lib/site/metadata'
import { safeLocalPath } from '@/lib/site/paths'

import { landingPathFor } from '../../../../accounts/landingPath'

type Props = { searchParams: Promise<{ next?: string | string[] }> }

export function generateMetadata(): Metadata {
  return pageMetadata({ title: 'Daftar', description: 'Buat akun klien JasaWeb gratis untuk memesan website, membayar dengan QRIS, dan memantau proyek Anda.', path: '/daftar' })
}

export default async function RegisterPage({ searchParams }: Props) {
  const requested = safeLocalPath((await searchParams).next)
  const user = await currentUser()
  if (user) redirect(landingPathFor(user, requested))

  return (
    <AuthShell
      title="Buat akun klien"
      intro="Gratis dan hanya butuh satu menit. Setelah mendaftar, Anda langsung masuk ke portal klien."
      footer={
        <>
          Sudah punya akun? <Link href={requested ? `/masuk?next=${encodeURIComponent(requested)}` : '/masuk'}>Masuk</Link>
        </>
      }
    >
      <RegisterForm next={requested} />
    </AuthShell>
  )
}
