import Link from 'next/link'
import type { ServerProps } from 'payload'

import { isAdmin } from '../../../access/roles'
import './admin.css'

/** The nav entry of the live connections view, for admins. */
export function RealtimeNavLink({ user }: ServerProps) {
  if (!user || !isAdmin(user)) return null
  return (
    <Link className="jw-nav-link" href="/admin/realtime">
      Koneksi langsung
    </Link>
  )
}
