import type { CollectionConfig } from 'payload'

import { contentStaff } from '../access/contentStaff'
import { publishedOrContentStaff } from '../access/publishedOrContentStaff'
import { slugField } from '../fields/slug'
import { publicContentHooks } from '../hooks/revalidatePublicSite'
import { pagePath } from '../src/lib/site/paths'
import { previewSettings } from '../src/lib/site/preview'

/** Top-level paths the site already uses; a CMS page may not shadow them. */
export const RESERVED_PAGE_SLUGS = ['admin', 'api', 'next', 'portal', 'blog', 'harga', 'template', 'layanan', 'daftar', 'masuk', 'lupa-password', 'reset-password', 'sitemap-xml', 'robots-txt'] as const

export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: 'Halaman', plural: 'Halaman' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', '_status', 'updatedAt'], group: 'Konten', ...previewSettings(pagePath) },
  access: { read: publishedOrContentStaff, create: contentStaff, update: contentStaff, delete: contentStaff, readVersions: contentStaff },
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: publicContentHooks,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField({ reserved: RESERVED_PAGE_SLUGS }),
    { name: 'content', type: 'richText', required: true },
  ],
}
