import type { SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, LinkJSXConverter, RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'

import { populatedMedia } from '@/lib/site/media'
import { pagePath, postPath } from '@/lib/site/paths'

import type { Media } from '../../../payload-types'
import { MediaImage } from './MediaImage'


/** Links to posts and pages chosen in the editor point at their public address. */
function internalDocToHref({ linkNode }: { linkNode: SerializedLinkNode }): string {
  const doc = linkNode.fields.doc
  const slug = doc && typeof doc.value === 'object' ? doc.value.slug : undefined
  if (typeof slug !== 'string') return '/'
  return doc?.relationTo === 'posts' ? postPath(slug) : pagePath(slug)
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkJSXConverter({ internalDocToHref }),
  upload: ({ node }) => {
    const media = populatedMedia((node as { value?: number | Media }).value)
    return <MediaImage media={media} sizes="(min-width: 760px) 720px, 100vw" />
  },
})

/** A post's or page's lexical content, rendered on the server. */
export function RichText({ data }: { data: unknown }) {
  return <LexicalRichText className="prose" data={data as SerializedEditorState} converters={converters} />
}
