import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { nobody } from '../access/nobody'

/** Who changed what, when and from where. Written by hooks inside the change's transaction. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit Log', plural: 'Audit Log' },
  admin: { useAsTitle: 'summary', defaultColumns: ['at', 'actorEmail', 'action', 'targetCollection', 'targetId', 'summary'], group: 'Sistem' },
  defaultSort: '-at',
  access: { read: adminOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    { name: 'actorEmail', type: 'text', maxLength: 320 },
    { name: 'action', type: 'text', required: true, maxLength: 40, index: true },
    { name: 'targetCollection', type: 'text', required: true, maxLength: 60, index: true },
    { name: 'targetId', type: 'text', required: true, maxLength: 60 },
    { name: 'summary', type: 'text', maxLength: 2000 },
    { name: 'ip', type: 'text', maxLength: 64 },
    { name: 'at', type: 'date', required: true, index: true },
  ],
}
