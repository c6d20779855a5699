import type { Media } from '../../../payload-types'

/** An upload field's value as a document, when Payload populated it (depth ≥ 1). */
export function populatedMedia(value: number | Media | null | undefined): Media | undefined {
  return value && typeof value === 'object' ? value : undefined
}

/**
 * Payload builds file URLs from serverURL (`http://host/api/media/file/x.jpg`). The site
 * serves them same-origin by path, which next/image optimises and which survives a
 * change of host between build and run.
 */
export function mediaPath(media: Media | undefined): string | undefined {
  const url = media?.url
  if (!url) return undefined
  if (url.startsWith('/')) return url
  try {
    const parsed = new URL(url)
    return parsed.pathname.startsWith('/api/media/') ? `${parsed.pathname}${parsed.search}` : url
  } catch {
    return undefined
  }
}
