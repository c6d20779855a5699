import type { FieldAccess } from 'payload'

import { isAdmin } from './roles'

export const fieldAdminOnly: FieldAccess = ({ req: { user } }) => isAdmin(user)
