import { getConfig } from '../../../lib/env'

/**
 * Where the admin's Preview button and Live Preview pane send an editor: the preview route
 * checks the editor's session, turns on Next's draft mode and redirects to the page.
 */
export function previewUrl(path: string): string {
  return `${getConfig().SERVER_URL}/next/preview?path=${encodeURIComponent(path)}`
}

type DocWithSlug = { slug?: unknown } | null | undefined

/** Admin preview settings for a collection whose documents live at `pathOf(slug)`. */
export function previewSettings(pathOf: (slug: string) => string) {
  const urlFor = (doc: DocWithSlug) => (typeof doc?.slug === 'string' && doc.slug ? previewUrl(pathOf(doc.slug)) : null)
  return {
    preview: (doc: Record<string, unknown>) => urlFor(doc),
    livePreview: { url: ({ data }: { data: Record<string, unknown> }) => urlFor(data) },
  }
}
