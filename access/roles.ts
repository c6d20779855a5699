import type { User } from '../payload-types'

export const ROLES = ['admin', 'editor', 'client'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: User['role'] | string | null } | null | undefined

/** The one role check: every access rule in the app is built on it. */
export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.role && (roles as string[]).includes(user.role))
}

export const isAdmin = (user: MaybeUser): boolean => hasRole(user, 'admin')

/** Staff who write the public site's content: posts, pages, templates, media. */
export const isContentStaff = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')
