import { HOME_RENDER_PATH, pagePath, postPath, servicePath } from './paths'
import { SERVICES } from './services'

/**
 * Cache tags of the public site's data, one per collection it shows. Every cached read
 * carries the tags of the collections it returns (media included when populated), so
 * revalidating a tag refreshes every page built from that collection.
 */
export const SITE_TAGS = {
  posts: 'site:posts',
  pages: 'site:pages',
  templates: 'site:templates',
  pricing: 'site:pricing',
  testimonials: 'site:testimonials',
  media: 'site:media',
} as const

export type SiteCollection = keyof typeof SITE_TAGS

export function isSiteCollection(slug: string): slug is SiteCollection {
  return Object.hasOwn(SITE_TAGS, slug)
}

const servicePaths = SERVICES.map((service) => servicePath(service.slug))

/** The public paths that show a document of `collection` (before and after a change). */
export function publicPathsFor(collection: SiteCollection, doc: { slug?: unknown } | null | undefined): string[] {
  // `/` is cached under the address it is rendered at.
  return publicAddressesFor(collection, doc).flatMap((path) => (path === '/' ? ['/', HOME_RENDER_PATH] : [path]))
}

function publicAddressesFor(collection: SiteCollection, doc: { slug?: unknown } | null | undefined): string[] {
  const slug = typeof doc?.slug === 'string' && doc.slug ? doc.slug : undefined
  switch (collection) {
    case 'posts':
      return ['/', '/blog', ...(slug ? [postPath(slug)] : [])]
    case 'pages':
      return slug ? [pagePath(slug)] : []
    case 'templates':
      return ['/', '/template', ...servicePaths]
    case 'pricing':
      return ['/', '/harga', ...servicePaths]
    case 'testimonials':
      return ['/']
    case 'media':
      return []
  }
}
