import type { CollectionConfig } from 'payload'

import { adminOnly } from '../../access/adminOnly'
import { fieldAdminOnly } from '../../access/fieldAdminOnly'
import { projectOwnerOrAdmin } from '../../access/projectOwnerOrAdmin'
import { reviewProjectEndpoint } from '../../endpoints/reviewProject'
import { PROJECT_TYPE_OPTIONS } from '../../fields/projectType'
import { validateHttpUrl } from '../../fields/validators'
import { auditHooks } from '../../hooks/recordAudit'
import { biInvalidationHooks } from '../../bi/invalidateOnChange'
import { INITIAL_PROJECT_STATUS, PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '../../projects/statusFlow'
import { createFirstInvoice } from './hooks/createFirstInvoice'
import { canReadCredentials, decryptPassword, encryptPassword } from './hooks/credentialsPassword'
import { enforceStatusFlow } from './hooks/enforceStatusFlow'
import { tellStatusMove } from './hooks/tellStatusMove'
import { validateRelationshipWhenChanged } from '../../fields/validateRelationshipWhenChanged'

const statusOptions = PROJECT_STATUSES.map((value) => ({ label: PROJECT_STATUS_LABELS[value], value }))

export const Projects: CollectionConfig = {
  slug: 'projects',
  labels: { singular: 'Proyek', plural: 'Proyek' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'owner', 'type', 'status', 'updatedAt'],
    group: 'Klien & Proyek',
  },
  access: {
    read: projectOwnerOrAdmin,
    create: adminOnly,
    update: adminOnly,
    delete: adminOnly,
  },
  endpoints: [reviewProjectEndpoint],
  hooks: {
    beforeChange: [enforceStatusFlow],
    afterChange: [createFirstInvoice, tellStatusMove, ...auditHooks.afterChange, ...biInvalidationHooks.afterChange],
    afterDelete: [...auditHooks.afterDelete, ...biInvalidationHooks.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 160 },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      filterOptions: { role: { equals: 'client' } },
      validate: validateRelationshipWhenChanged,
    },
    { name: 'type', type: 'select', required: true, options: PROJECT_TYPE_OPTIONS },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: INITIAL_PROJECT_STATUS,
      options: statusOptions,
      admin: {
        position: 'sidebar',
        description: 'Alur: menunggu pembayaran → dikerjakan → review → selesai (revisi kembali ke dikerjakan).',
      },
    },
    {
      name: 'transitionNote',
      type: 'text',
      virtual: true,
      maxLength: 2000,
      access: { create: fieldAdminOnly, update: fieldAdminOnly },
      // Payload makes virtual fields read-only in the admin unless told otherwise.
      admin: { readOnly: false, position: 'sidebar', description: 'Catatan untuk riwayat status saat status diubah.' },
    },
    { name: 'pricingTier', type: 'relationship', relationTo: 'pricing', required: true },
    { name: 'url', type: 'text', maxLength: 2048, validate: validateHttpUrl, admin: { description: 'Alamat situs yang sudah jadi.' } },
    {
      name: 'credentials',
      type: 'group',
      access: { read: canReadCredentials, create: fieldAdminOnly, update: fieldAdminOnly },
      admin: { description: 'Akses admin situs klien. Kata sandi disimpan terenkripsi (AES-256-GCM).' },
      fields: [
        { name: 'adminUrl', type: 'text', maxLength: 2048, validate: validateHttpUrl },
        { name: 'username', type: 'text', maxLength: 200 },
        {
          name: 'password',
          type: 'text',
          maxLength: 1000,
          hooks: { beforeChange: [encryptPassword], afterRead: [decryptPassword] },
        },
      ],
    },
    { name: 'notes', type: 'textarea', maxLength: 5000 },
    {
      name: 'statusHistory',
      type: 'array',
      labels: { singular: 'Riwayat status', plural: 'Riwayat status' },
      admin: {
        readOnly: true,
        initCollapsed: true,
        components: { RowLabel: '/src/components/admin/StatusHistoryRowLabel#StatusHistoryRowLabel' },
      },
      access: { create: fieldAdminOnly, update: fieldAdminOnly },
      fields: [
        { name: 'from', type: 'text', required: true },
        { name: 'to', type: 'text', required: true },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'note', type: 'textarea', maxLength: 2000 },
      ],
    },
  ],
}
