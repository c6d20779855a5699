import Image from 'next/image'

import { mediaPath } from '@/lib/site/media'

import type { Media } from '../../../payload-types'

/** An uploaded image, optimised by next/image; renders nothing when there is no file. `priority` for the image a page opens with. */
export function MediaImage({ media, sizes, priority = false, alt }: { media: Media | undefined; sizes: string; priority?: boolean; alt?: string }) {
  const src = mediaPath(media)
  if (!media || !src) return null
  const description = alt ?? media.alt ?? ''
  if (!media.width || !media.height || media.mimeType === 'image/svg+xml') {
    // No dimensions to give next/image (an SVG, or a file Payload could not measure).
    return <img src={src} alt={description} loading={priority ? 'eager' : 'lazy'} decoding="async" />
  }
  const loading = priority ? ({ loading: 'eager', fetchPriority: 'high' } as const) : ({ loading: 'lazy' } as const)
  return <Image src={src} alt={description} width={media.width} height={media.height} sizes={sizes} {...loading} />
}
