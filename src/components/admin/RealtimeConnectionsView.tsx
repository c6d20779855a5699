import type { AdminViewServerProps } from 'payload'

import { AdminOnlyView } from './AdminOnlyView'
import { RealtimeConnectionsPanel } from './RealtimeConnectionsPanel'

/** /admin/realtime — admins: live Socket.IO connections on every instance, force-disconnect, broadcast. */
export function RealtimeConnectionsView(props: AdminViewServerProps) {
  return (
    <AdminOnlyView {...props} path="/realtime" title="Koneksi langsung" refusal="Hanya admin yang dapat melihat koneksi langsung.">
      <RealtimeConnectionsPanel />
    </AdminOnlyView>
  )
}
