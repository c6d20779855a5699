import type { Access } from 'payload'

import { isContentStaff } from './roles'

/** Admins and editors: the people who write the public site. */
export const contentStaff: Access = ({ req: { user } }) => isContentStaff(user)
