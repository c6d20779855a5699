import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { contentStaff } from '../access/contentStaff'
import { PROJECT_TYPE_OPTIONS } from '../fields/projectType'
import { validateHttpUrl } from '../fields/validators'
import { publicContentHooks } from '../hooks/revalidatePublicSite'

export const Templates: CollectionConfig = {
  slug: 'templates',
  labels: { singular: 'Template', plural: 'Template' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'category', 'demoUrl'], group: 'Konten' },
  access: { read: anyone, create: contentStaff, update: contentStaff, delete: contentStaff },
  hooks: publicContentHooks,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'category', type: 'select', required: true, index: true, options: PROJECT_TYPE_OPTIONS },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    { name: 'image', type: 'upload', relationTo: 'media', required: true },
    { name: 'demoUrl', type: 'text', required: true, maxLength: 2048, validate: validateHttpUrl },
  ],
}
