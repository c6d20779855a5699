import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { isSiteCollection, publicPathsFor, SITE_TAGS } from '../src/lib/site/cacheTags'
import { auditHooks } from './recordAudit'

/**
 * Clears the public site's cached data and pages that show a changed document, so a
 * publish shows up without a rebuild. Next applies them when the request that made the
 * change ends, after its transaction has committed.
 *
 * Outside a Next request (seed, scripts, tests, the jobs runner) there is no cache to clear:
 * Next throws "static generation store missing", which is expected; a failed revalidation
 * never fails the write. Set `context.disableRevalidate` to skip it.
 */
async function revalidate(req: PayloadRequest, collection: string, docs: ({ slug?: unknown } | null | undefined)[]): Promise<void> {
  if (req.context.disableRevalidate || !isSiteCollection(collection)) return
  // Before Next's server has set up (tests, scripts, the seed at start-up) next/cache must not
  // even be loaded: its first load would pin a stand-in AsyncLocalStorage in a process-wide
  // global, and the Next server started later in this process would crash on it.
  if (!('AsyncLocalStorage' in globalThis)) return
  const paths = new Set(docs.flatMap((doc) => publicPathsFor(collection, doc)))
  try {
    const { revalidatePath, revalidateTag } = await import('next/cache.js')
    // expire: 0 — the next visitor gets the new version, not one more stale view of the old.
    revalidateTag(SITE_TAGS[collection], { expire: 0 })
    for (const path of paths) revalidatePath(path)
  } catch (error) {
    if (error instanceof Error && error.message.includes('static generation store missing')) return
    req.payload.logger.warn({ err: error, collection }, 'could not revalidate the public site')
  }
}

const afterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  // Both slugs: a renamed or unpublished document must leave its old address too.
  await revalidate(req, collection.slug, [doc, previousDoc])
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await revalidate(req, collection.slug, [doc])
  return doc
}

export const revalidatePublicSite = { afterChange, afterDelete }

/** The hooks of every collection the public site shows: the audit trail, then revalidation. */
export const publicContentHooks = {
  afterChange: [...auditHooks.afterChange, afterChange],
  afterDelete: [...auditHooks.afterDelete, afterDelete],
}
