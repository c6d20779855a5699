'use client'

import Link from 'next/link'

import { logoutAction } from '@/lib/auth/actions'

import type { SessionState, SessionUser } from './useSessionUser'

const isStaff = (user: SessionUser) => user.role === 'admin' || user.role === 'editor'

/** Masuk/Daftar for visitors; the portal (or admin) and Keluar for a logged-in user. */
export function AccountLinks({ session, onLogout }: { session: SessionState; onLogout: () => void }) {
  if (session.status === 'loading') {
    return (
      <div className="account-links" aria-busy="true">
        <span className="account-links__placeholder" aria-hidden="true" />
        <span className="visually-hidden">Memeriksa status masuk…</span>
      </div>
    )
  }
  const { user } = session
  if (!user) {
    return (
      <div className="account-links">
        <Link href="/masuk" className="button button--ghost button--small">
          Masuk
        </Link>
        <Link href="/daftar" className="button button--primary button--small">
          Daftar
        </Link>
      </div>
    )
  }
  return (
    <div className="account-links">
      {isStaff(user) ? (
        // The admin is another app (its own root layout): a plain link, not client navigation.
        <a href="/admin" className="button button--secondary button--small">
          Dasbor Admin
        </a>
      ) : (
        <a href="/portal" className="button button--secondary button--small">
          Portal Saya
        </a>
      )}
      <form action={logoutAction} onSubmit={onLogout}>
        <button type="submit" className="button button--ghost button--small">
          Keluar
        </button>
      </form>
    </div>
  )
}
