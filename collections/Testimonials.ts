import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { contentStaff } from '../access/contentStaff'
import { PROJECT_TYPE_OPTIONS } from '../fields/projectType'
import { publicContentHooks } from '../hooks/revalidatePublicSite'

/** What clients say about the agency; shown on the landing page in `order`. */
export const Testimonials: CollectionConfig = {
  slug: 'testimonials',
  labels: { singular: 'Testimoni', plural: 'Testimoni' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'organization', 'projectType', 'order'], group: 'Konten' },
  defaultSort: 'order',
  access: { read: anyone, create: contentStaff, update: contentStaff, delete: contentStaff },
  hooks: publicContentHooks,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'role', type: 'text', maxLength: 120, admin: { description: 'Jabatan, mis. "Kepala Sekolah".' } },
    { name: 'organization', type: 'text', required: true, maxLength: 160 },
    { name: 'quote', type: 'textarea', required: true, maxLength: 600 },
    { name: 'projectType', type: 'select', options: PROJECT_TYPE_OPTIONS, admin: { description: 'Layanan yang dipakai klien ini.' } },
    { name: 'order', type: 'number', defaultValue: 0, min: 0, max: 10000, admin: { step: 1, position: 'sidebar' } },
  ],
}
