'use client'

import Link, { useLinkStatus } from 'next/link'
import { usePathname } from 'next/navigation'

const LINKS = [
  { href: '/portal', label: 'Dasbor' },
  { href: '/portal/proyek', label: 'Web Saya' },
  { href: '/portal/tagihan', label: 'Tagihan' },
  { href: '/portal/notifikasi', label: 'Notifikasi' },
  { href: '/portal/akun', label: 'Akun Saya' },
]

/**
 * Shown inside the link just clicked until its page arrives. Portal pages are rendered whole
 * (no loading.tsx): a streamed page could not answer 404 for another client's project.
 */
function PendingIndicator() {
  const { pending } = useLinkStatus()
  return pending ? <span className="spinner spinner--small" role="status" aria-label="Memuat…" /> : null
}

export function PortalNav({ unread }: { unread: React.ReactNode }) {
  const pathname = usePathname() ?? '/portal'
  const current = (href: string) => (href === '/portal' ? pathname === '/portal' : pathname === href || pathname.startsWith(`${href}/`))
  return (
    <nav className="portal-nav" aria-label="Menu portal">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined} className="portal-nav__link">
              {link.label}
              {link.href === '/portal/notifikasi' ? unread : null}
              <PendingIndicator />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
