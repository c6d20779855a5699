import config from '@payload-config'
import { unstable_cache } from 'next/cache'
import { draftMode } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { ProjectType } from '../../../fields/projectType'
import type { Page, Post } from '../../../payload-types'
import { currentStaffUser } from '../auth/currentUser'
import { SITE_TAGS } from './cacheTags'
import {
  findLatestVersion,
  findPricing,
  findPublishedPage,
  findPublishedPost,
  findPublishedPosts,
  findTemplates,
  findTestimonials,
  POSTS_PER_PAGE,
} from './queries'

/**
 * The public site's reads, cached in Next's data cache under the tags of the collections
 * they return. Collection hooks revalidate those tags on every change
 * (hooks/revalidatePublicSite.ts); the time limit is a safety net for changes made where
 * Next cannot be told (another instance, the jobs runner).
 */
const REVALIDATE_SECONDS = 300

export const sitePayload = () => getPayload({ config })

const cached = <Args extends unknown[], Result>(name: string, tags: string[], read: (...args: Args) => Promise<Result>) =>
  unstable_cache(read, ['site', name], { tags, revalidate: REVALIDATE_SECONDS })

export const getPostsPage = cached('posts-page', [SITE_TAGS.posts, SITE_TAGS.media], async (page: number, limit: number = POSTS_PER_PAGE) =>
  findPublishedPosts(await sitePayload(), { page, limit }),
)

const getPublishedPost = cached('post', [SITE_TAGS.posts, SITE_TAGS.media], async (slug: string) => findPublishedPost(await sitePayload(), slug))

const getPublishedPage = cached('page', [SITE_TAGS.pages, SITE_TAGS.media], async (slug: string) => findPublishedPage(await sitePayload(), slug))

export const getTemplates = cached('templates', [SITE_TAGS.templates, SITE_TAGS.media], async (category?: ProjectType) =>
  findTemplates(await sitePayload(), category),
)

export const getPricing = cached('pricing', [SITE_TAGS.pricing], async (projectType?: ProjectType) => findPricing(await sitePayload(), projectType))

export const getTestimonials = cached('testimonials', [SITE_TAGS.testimonials], async () => findTestimonials(await sitePayload()))

/**
 * A post for its page: the published version for visitors; in draft mode (turned on only
 * by /next/preview for a logged-in editor) the newest version, read with the editor's access.
 */
export const getPostForView = cache(async (slug: string): Promise<{ post: Post | null; preview: boolean }> => {
  const preview = await editorPreview()
  if (preview) return { post: (await findLatestVersion(await sitePayload(), 'posts', slug, preview)) as Post | null, preview: true }
  return { post: await getPublishedPost(slug), preview: false }
})

export const getPageForView = cache(async (slug: string): Promise<{ page: Page | null; preview: boolean }> => {
  const preview = await editorPreview()
  if (preview) return { page: (await findLatestVersion(await sitePayload(), 'pages', slug, preview)) as Page | null, preview: true }
  return { page: await getPublishedPage(slug), preview: false }
})

/** The editor behind a draft-mode request; undefined for everyone else, draft cookie or not. */
async function editorPreview() {
  if (!(await draftMode()).isEnabled) return undefined
  return currentStaffUser()
}
