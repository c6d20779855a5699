import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import { isContentStaff } from '../../../access/roles'
import type { User } from '../../../payload-types'

/**
 * The logged-in user of this request, from Payload's own check of the session cookie (which
 * also rejects logged-out sessions). Reading headers makes the page dynamic: call it only
 * from pages that are per-user anyway (auth pages, draft previews).
 */
export const currentUser = cache(async (): Promise<User | null> => {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  return user && user.collection === 'users' ? (user as User) : null
})

export async function currentStaffUser(): Promise<User | undefined> {
  const user = await currentUser()
  return user && isContentStaff(user) ? user : undefined
}
