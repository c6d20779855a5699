import type { ServerProps } from 'payload'

import { isAdmin } from '../../../../access/roles'
import { BiSummaryWidget } from './BiSummaryWidget'

/** On the admin home, above the collections: the headline figures, for admins only. */
export function BiDashboardWidget({ user }: ServerProps) {
  if (!user || !isAdmin(user)) return null
  return <BiSummaryWidget />
}
