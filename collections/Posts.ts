import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { contentStaff } from '../access/contentStaff'
import { publishedOrContentStaff } from '../access/publishedOrContentStaff'
import { slugField } from '../fields/slug'
import { publicContentHooks } from '../hooks/revalidatePublicSite'
import type { Post } from '../payload-types'
import { postPath } from '../src/lib/site/paths'
import { previewSettings } from '../src/lib/site/preview'

/** The author defaults to whoever writes the post; publishedAt is set on first publish. */
const fillAuthorAndPublishedAt: CollectionBeforeChangeHook<Post> = ({ data, req, originalDoc }) => {
  const author = data.author ?? originalDoc?.author ?? (req.user?.collection === 'users' ? req.user.id : undefined)
  const publishedAt = data.publishedAt ?? (data._status === 'published' ? new Date().toISOString() : undefined)
  return { ...data, author, publishedAt }
}

export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: 'Artikel', plural: 'Artikel' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', '_status', 'publishedAt'], group: 'Konten', ...previewSettings(postPath) },
  defaultSort: '-publishedAt',
  access: { read: publishedOrContentStaff, create: contentStaff, update: contentStaff, delete: contentStaff, readVersions: contentStaff },
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: { beforeChange: [fillAuthorAndPublishedAt], ...publicContentHooks },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField(),
    { name: 'excerpt', type: 'textarea', maxLength: 400 },
    { name: 'featuredImage', type: 'upload', relationTo: 'media' },
    { name: 'content', type: 'richText', required: true },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      filterOptions: { role: { in: ['admin', 'editor'] } },
      admin: { position: 'sidebar' },
    },
    { name: 'authorName', type: 'text', maxLength: 120, admin: { position: 'sidebar', description: 'Nama penulis yang tampil di blog.' } },
    { name: 'publishedAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
