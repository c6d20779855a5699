import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { anyone } from '../access/anyone'
import { PROJECT_TYPE_OPTIONS } from '../fields/projectType'
import { validateRupiah } from '../fields/validators'
import { publicContentHooks } from '../hooks/revalidatePublicSite'

/** The one place prices live: pages, the portal and new invoices all read them from here. */
export const Pricing: CollectionConfig = {
  slug: 'pricing',
  labels: { singular: 'Paket Harga', plural: 'Paket Harga' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'projectType', 'price', 'isPopular', 'order'], group: 'Konten' },
  defaultSort: 'order',
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: publicContentHooks,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    {
      name: 'features',
      type: 'array',
      maxRows: 30,
      fields: [{ name: 'feature', type: 'text', required: true, maxLength: 200 }],
    },
    { name: 'price', type: 'number', required: true, min: 0, validate: validateRupiah, admin: { description: 'Rupiah, bilangan bulat.' } },
    { name: 'projectType', type: 'select', required: true, index: true, options: PROJECT_TYPE_OPTIONS },
    { name: 'isPopular', type: 'checkbox', defaultValue: false },
    { name: 'order', type: 'number', defaultValue: 0, min: 0, max: 10000, admin: { step: 1 } },
  ],
}
