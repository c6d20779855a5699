import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { adminOrSelf } from '../access/adminOrSelf'
import { anyone } from '../access/anyone'
import { fieldAdminOnly } from '../access/fieldAdminOnly'
import { isAdmin, isContentStaff, ROLES } from '../access/roles'
import { passwordResetHtml, passwordResetSubject } from '../accounts/passwordResetEmail'
import { validatePhone } from '../fields/validators'
import { auditHooks } from '../hooks/recordAudit'
import { biInvalidationHooks } from '../bi/invalidateOnChange'
import { getConfig } from '../lib/env'
import { Forbidden } from '../lib/errors'
import { closeSocketsOnDelete, closeSocketsOnLogout, closeSocketsOnRoleChange } from '../realtime/closeStaleSockets'
import { requireCurrentPassword } from '../hooks/requireCurrentPassword'

/**
 * Registration is public and creates clients only. Field access alone would silently drop a
 * `role` sent by a non-admin; refusing it out loud tells an attacker (and a buggy client) no.
 * There is no "first user becomes admin": on an empty production database anyone could
 * register first. Admins come from the seed or `pnpm create-admin`.
 */
const refuseRoleFromNonAdmins: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if ((req.payloadAPI === 'local' && !req.user) || isAdmin(req.user)) return args
  const requested: unknown = (args as { data?: { role?: unknown } }).data?.role
  // Sending back one's own current role (the admin form does) is not a change.
  const unchanged = operation === 'create' ? 'client' : req.user?.role
  if (requested !== undefined && requested !== unchanged) {
    throw new Forbidden("Only an admin can set a user's role.")
  }
  return args
}

/** Whatever got through, a user created by a non-admin is a client. */
const newUsersAreClients: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || isAdmin(req.user) || (req.payloadAPI === 'local' && !req.user)) return data
  return { ...data, role: 'client' }
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Pengguna', plural: 'Pengguna' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role', 'createdAt'],
    group: 'Klien & Proyek',
  },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    // The reset link points at the public site's /reset-password page, for clients and staff alike.
    forgotPassword: { generateEmailHTML: passwordResetHtml, generateEmailSubject: passwordResetSubject },
    cookies: {
      sameSite: 'Lax',
      secure: getConfig().isProduction,
    },
  },
  access: {
    // The admin panel is for staff: admins and editors.
    admin: ({ req: { user } }) => isContentStaff(user),
    create: anyone,
    read: adminOrSelf,
    update: adminOrSelf,
    delete: adminOnly,
    unlock: adminOnly,
  },
  hooks: {
    beforeOperation: [refuseRoleFromNonAdmins, requireCurrentPassword],
    beforeChange: [newUsersAreClients],
    // A socket is authorised at its handshake: these close it when that stops being true.
    afterChange: [closeSocketsOnRoleChange, ...auditHooks.afterChange, ...biInvalidationHooks.afterChange],
    afterDelete: [closeSocketsOnDelete, ...auditHooks.afterDelete, ...biInvalidationHooks.afterDelete],
    afterLogout: [closeSocketsOnLogout],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'phone', type: 'text', maxLength: 24, validate: validatePhone },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'client',
      saveToJWT: true,
      index: true,
      options: ROLES.map((role) => ({ label: role, value: role })),
      access: { update: fieldAdminOnly },
      admin: { position: 'sidebar' },
    },
  ],
}
