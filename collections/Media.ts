import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { contentStaff } from '../access/contentStaff'
import { publicContentHooks } from '../hooks/revalidatePublicSite'
import { getConfig } from '../lib/env'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media', plural: 'Media' },
  admin: { group: 'Konten' },
  access: { read: anyone, create: contentStaff, update: contentStaff, delete: contentStaff },
  hooks: publicContentHooks,
  upload: {
    // Local disk by default; the S3 adapter in payload.config.ts takes over when S3_BUCKET is set.
    staticDir: path.join(getConfig().DATA_DIR, 'media'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/avif', 'image/gif', 'image/svg+xml'],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
    ],
  },
  fields: [{ name: 'alt', type: 'text', required: true, maxLength: 300 }],
}
