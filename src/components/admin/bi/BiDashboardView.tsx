import type { AdminViewServerProps } from 'payload'

import { AdminOnlyView } from '../AdminOnlyView'
import { BiDashboard } from './BiDashboard'

/** /admin/bi — admins: business figures as charts for a chosen range, live after payments. Editors and clients get the refusal and no figure. */
export function BiDashboardView(props: AdminViewServerProps) {
  return (
    <AdminOnlyView {...props} path="/bi" title="Analitik bisnis" refusal="Hanya admin yang dapat melihat analitik bisnis.">
      <BiDashboard />
    </AdminOnlyView>
  )
}
