import type { Metadata } from 'next'

import { LiveUpdates, UnreadBadge } from '@/components/portal/LiveUpdates'
import { PortalNav } from '@/components/portal/PortalNav'
import { listNotifications } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

import './portal.css'

// Per-user pages, never prerendered: every request reads the session.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: { default: 'Portal Klien', template: '%s — Portal Klien JasaWeb' }, robots: { index: false } }

/** Clients only: everyone else is sent to the login page (staff to the admin UI). */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireClient()
  const { unread } = await listNotifications(viewer, 1)
  return (
    <LiveUpdates initialUnread={unread}>
      <div className="portal">
        <div className="container portal__head">
          <p className="portal__greeting">
            Halo, <strong>{viewer.user.name}</strong>
          </p>
          <PortalNav unread={<UnreadBadge />} />
        </div>
        <div className="container portal__body">{children}</div>
      </div>
    </LiveUpdates>
  )
}
