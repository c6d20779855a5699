import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { fieldAdminOnly } from '../access/fieldAdminOnly'
import { ownRecipientOrAdmin, recipientOrAdmin } from '../access/recipientOrAdmin'
import { ROLES } from '../access/roles'
import { emitStoredNotification } from '../realtime/publish'

export const NOTIFICATION_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const
export const NOTIFICATION_TYPES = ['project_update', 'payment_update', 'system_notification', 'admin_alert', 'message'] as const

const adminWrites = { create: fieldAdminOnly, update: fieldAdminOnly }

/** The inbox. Stored first, pushed second, so nothing is lost while a user is offline. */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: { singular: 'Notifikasi', plural: 'Notifikasi' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'recipient', 'type', 'priority', 'readAt', 'createdAt'], group: 'Sistem' },
  defaultSort: '-createdAt',
  access: { read: recipientOrAdmin, create: adminOnly, update: ownRecipientOrAdmin, delete: adminOnly },
  // Every new row is a real-time event, emitted after its transaction commits.
  hooks: { afterChange: [emitStoredNotification] },
  fields: [
    {
      name: 'recipient',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: adminWrites,
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        value || siblingData.recipientRole ? true : 'A notification needs a recipient or a recipient role.',
    },
    { name: 'recipientRole', type: 'select', index: true, options: [...ROLES], access: adminWrites },
    { name: 'type', type: 'select', required: true, defaultValue: 'message', options: [...NOTIFICATION_TYPES], access: adminWrites },
    { name: 'priority', type: 'select', required: true, defaultValue: 'medium', options: [...NOTIFICATION_PRIORITIES], access: adminWrites },
    { name: 'title', type: 'text', required: true, maxLength: 200, access: adminWrites },
    { name: 'body', type: 'textarea', maxLength: 4000, access: adminWrites },
    { name: 'data', type: 'json', access: adminWrites },
    // The only field a recipient may change: marking the item read.
    { name: 'readAt', type: 'date', index: true },
    { name: 'deliveredAt', type: 'date', access: adminWrites },
    {
      // Rows addressed to a whole role are shared: who has read one is this list of user ids,
      // not readAt. JSON, not a relationship: a relationship's join aliases itself "data" and
      // breaks queries on the data field. Admins only: it names other users.
      name: 'readBy',
      type: 'json',
      access: { read: fieldAdminOnly, create: fieldAdminOnly, update: fieldAdminOnly },
      admin: { readOnly: true, description: 'Id pengguna yang sudah membaca notifikasi untuk satu peran ini.' },
    },
  ],
}
