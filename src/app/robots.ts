import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/site/metadata'

// SERVER_URL is read when served, not when built.
export const dynamic = 'force-dynamic'

/** /robots.txt: the public site is open; the admin, the API, the portal and previews are not for crawlers. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: ['/', '/api/media/'], disallow: ['/admin', '/api/', '/portal', '/next/', '/reset-password'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
