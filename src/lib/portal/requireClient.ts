import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload, type Payload } from 'payload'

import { hasRole } from '../../../access/roles'
import type { User } from '../../../payload-types'
import { currentUser } from '../auth/currentUser'
import { safeLocalPath } from '../site/paths'

/** The address being rendered, as server.ts saw it (it overwrites any client-sent value). */
async function requestedPath(): Promise<string> {
  const path = safeLocalPath((await headers()).get('x-jasaweb-path'))
  if (!path) return '/portal'
  // Client-side navigations fetch `?_rsc=…`: the address to return to is the page's own.
  const url = new URL(path, 'http://local')
  url.searchParams.delete('_rsc')
  return url.pathname + url.search
}

/**
 * The portal's gate: the logged-in client and Payload. Visitors go to the login page (and
 * come back to the address they asked for); staff belong in the admin UI.
 */
export async function requireClient(): Promise<{ user: User; payload: Payload }> {
  const user = await currentUser()
  if (!user) redirect(`/masuk?next=${encodeURIComponent(await requestedPath())}`)
  if (!hasRole(user, 'client')) redirect('/admin')
  return { user, payload: await getPayload({ config }) }
}
