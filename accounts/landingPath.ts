import { isContentStaff } from '../access/roles'
import { safeLocalPath } from '../src/lib/site/paths'

const ACCOUNT_PAGES = ['/masuk', '/daftar', '/lupa-password', '/reset-password']

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)

/**
 * Where a user goes after logging in: the page they were sent away from (`next`) when it is
 * a page of this site meant for them, else their home — the admin UI for staff, the
 * portal for clients.
 */
export function landingPathFor(user: { role?: string | null }, next?: unknown): string {
  const staff = isContentStaff(user)
  const home = staff ? '/admin' : '/portal'
  const requested = safeLocalPath(next)
  if (!requested) return home
  const elsewhere = staff ? '/portal' : '/admin'
  if (isUnder(requested, elsewhere) || ACCOUNT_PAGES.some((page) => isUnder(requested, page))) return home
  return requested
}
