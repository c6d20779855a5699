import type { Access } from 'payload'

import { isContentStaff } from './roles'

/** Drafts are for the people writing them; everyone else reads published documents only. */
export const publishedOrContentStaff: Access = ({ req: { user } }) => {
  if (isContentStaff(user)) return true
  return { _status: { equals: 'published' } }
}
