import type { MetadataRoute } from 'next'

import { sitePayload } from '@/lib/site/data'
import { absoluteUrl } from '@/lib/site/metadata'
import { pagePath, postPath, servicePath } from '@/lib/site/paths'
import { findSitemapDocuments } from '@/lib/site/queries'
import { SERVICES } from '@/lib/site/services'

// Read at request time: the build has no database, and published documents change.
export const dynamic = 'force-dynamic'

/** /sitemap.xml: the fixed pages, the services, and every published post and CMS page. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { posts, pages } = await findSitemapDocuments(await sitePayload())
  const fixed = ['/', '/layanan', '/template', '/harga', '/blog', '/daftar', '/masuk'].map((path) => ({
    url: absoluteUrl(path),
    changeFrequency: 'weekly' as const,
    priority: path === '/' ? 1 : 0.7,
  }))
  return [
    ...fixed,
    ...SERVICES.map((service) => ({ url: absoluteUrl(servicePath(service.slug)), changeFrequency: 'monthly' as const, priority: 0.9 })),
    ...posts.map((post) => ({ url: absoluteUrl(postPath(post.slug)), lastModified: post.updatedAt, changeFrequency: 'monthly' as const, priority: 0.6 })),
    ...pages.map((page) => ({ url: absoluteUrl(pagePath(page.slug)), lastModified: page.updatedAt, changeFrequency: 'yearly' as const, priority: 0.4 })),
  ]
}
