import type { Metadata } from 'next'

import { getConfig } from '../../../lib/env'
import type { Media } from '../../../payload-types'
import { mediaPath } from './media'

export const SITE_NAME = 'JasaWeb'
export const SITE_DESCRIPTION =
  'JasaWeb membuat website sekolah, portal berita, dan company profile untuk Indonesia. Pilih template, bayar dengan QRIS, dan pantau pengerjaannya di portal klien.'

/** The card shared links get when the page has no image of its own (public/og.png). */
export const DEFAULT_OG_IMAGE = { url: '/og.png', width: 1200, height: 630, alt: 'JasaWeb: website sekolah, portal berita, dan company profile' }

/** The site's public origin (SERVER_URL): canonical URLs, Open Graph, the sitemap. */
export const siteUrl = (): URL => new URL(getConfig().SERVER_URL)

export const absoluteUrl = (path: string): string => new URL(path, siteUrl()).toString()

/**
 * A page's title, description, canonical URL and Open Graph card. `title` goes through the
 * layout's "%s — JasaWeb" template unless `absoluteTitle` (the SEO plugin's meta title,
 * which already carries the site name) is given.
 */
export function pageMetadata({
  title,
  absoluteTitle,
  description,
  path,
  image,
  type = 'website',
  publishedTime,
  noIndex = false,
}: {
  title: string
  absoluteTitle?: string | null
  description?: string | null
  path: string
  image?: Media
  type?: 'website' | 'article'
  publishedTime?: string | null
  noIndex?: boolean
}): Metadata {
  const imagePath = mediaPath(image)
  const ogTitle = absoluteTitle || `${title} — ${SITE_NAME}`
  const ogDescription = description || SITE_DESCRIPTION
  return {
    title: absoluteTitle ? { absolute: absoluteTitle } : title,
    description: ogDescription,
    alternates: { canonical: path },
    robots: noIndex ? { index: false, follow: true } : undefined,
    openGraph: {
      type,
      siteName: SITE_NAME,
      locale: 'id_ID',
      url: path,
      title: ogTitle,
      description: ogDescription,
      images: imagePath ? [{ url: imagePath, width: image?.width ?? undefined, height: image?.height ?? undefined, alt: image?.alt ?? '' }] : [DEFAULT_OG_IMAGE],
      ...(type === 'article' && publishedTime ? { publishedTime } : {}),
    },
    twitter: { card: 'summary_large_image', title: ogTitle, description: ogDescription },
  }
}
