import Link from 'next/link'
import type { ServerProps } from 'payload'

import { isAdmin } from '../../../../access/roles'
import '../admin.css'

/** The nav entry of the BI dashboard, for admins. */
export function BiNavLink({ user }: ServerProps) {
  if (!user || !isAdmin(user)) return null
  return (
    <Link className="jw-nav-link" href="/admin/bi">
      Analitik bisnis
    </Link>
  )
}
