import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isAdmin } from '../../../access/roles'
import { RealtimeConnectionsPanel } from './RealtimeConnectionsPanel'

/** /admin/realtime — admins: live Socket.IO connections on every instance, force-disconnect, broadcast. */
export function RealtimeConnectionsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  // Custom views get no access check from Payload; the endpoints they call check again.
  if (!req.user) redirect('/admin/login?redirect=%2Fadmin%2Frealtime')
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user}
      // The header's global actions (the notification bell); Payload's own views pass them too.
      viewActions={req.payload.config.admin.components?.actions}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Koneksi langsung</h1>
        {isAdmin(req.user) ? <RealtimeConnectionsPanel /> : <p>Hanya admin yang dapat melihat koneksi langsung.</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
