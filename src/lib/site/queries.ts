import type { Payload, Where } from 'payload'

import type { ProjectType } from '../../../fields/projectType'
import type { Page, Post, User } from '../../../payload-types'

/**
 * What the public site reads, through the Local API with the visitor's rights: access
 * rules applied (`overrideAccess: false`, no user) and, for drafts-enabled collections, an
 * explicit published-only filter on top, so a draft can never reach a visitor even if an
 * access rule is loosened one day. Drafts are read only for a logged-in editor's preview,
 * with that editor's own access.
 */
const asVisitor = { overrideAccess: false, draft: false } as const
const published: Where = { _status: { equals: 'published' } }

export const POSTS_PER_PAGE = 6

/** The fields a post card needs; the body stays out of lists and their cache entries. */
const postCardFields = { title: true, slug: true, excerpt: true, featuredImage: true, authorName: true, publishedAt: true } as const

export type PostCard = Pick<Post, 'id' | 'title' | 'slug' | 'excerpt' | 'featuredImage' | 'authorName' | 'publishedAt'>

export async function findPublishedPosts(payload: Payload, { page = 1, limit = POSTS_PER_PAGE }: { page?: number; limit?: number } = {}) {
  const result = await payload.find({
    collection: 'posts',
    where: published,
    sort: '-publishedAt',
    page,
    limit,
    depth: 1,
    select: postCardFields,
    ...asVisitor,
  })
  return { ...result, docs: result.docs as PostCard[] }
}

export async function findPublishedPost(payload: Payload, slug: string): Promise<Post | null> {
  const { docs } = await payload.find({ collection: 'posts', where: { and: [published, { slug: { equals: slug } }] }, limit: 1, depth: 2, ...asVisitor })
  return docs[0] ?? null
}

export async function findPublishedPage(payload: Payload, slug: string): Promise<Page | null> {
  const { docs } = await payload.find({ collection: 'pages', where: { and: [published, { slug: { equals: slug } }] }, limit: 1, depth: 2, ...asVisitor })
  return docs[0] ?? null
}

/** The newest version of a post or page, draft or not, as the given editor may read it. */
export async function findLatestVersion(payload: Payload, collection: 'posts' | 'pages', slug: string, user: User): Promise<Post | Page | null> {
  const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 2, draft: true, overrideAccess: false, user })
  return docs[0] ?? null
}

export async function findTemplates(payload: Payload, category?: ProjectType) {
  const { docs } = await payload.find({
    collection: 'templates',
    where: category ? { category: { equals: category } } : undefined,
    sort: 'createdAt',
    limit: 100,
    depth: 1,
    ...asVisitor,
  })
  return docs
}

export async function findPricing(payload: Payload, projectType?: ProjectType) {
  const { docs } = await payload.find({
    collection: 'pricing',
    where: projectType ? { projectType: { equals: projectType } } : undefined,
    sort: 'order',
    limit: 100,
    depth: 0,
    ...asVisitor,
  })
  return docs
}

export async function findTestimonials(payload: Payload, limit = 6) {
  const { docs } = await payload.find({ collection: 'testimonials', sort: 'order', limit, depth: 0, ...asVisitor })
  return docs
}

/** Published posts and pages for the sitemap: address parts and last change only. */
export async function findSitemapDocuments(payload: Payload) {
  const [posts, pages] = await Promise.all([
    payload.find({ collection: 'posts', where: published, limit: 5000, depth: 0, select: { slug: true, updatedAt: true }, ...asVisitor }),
    payload.find({ collection: 'pages', where: published, limit: 5000, depth: 0, select: { slug: true, updatedAt: true }, ...asVisitor }),
  ])
  const entries = (docs: { slug?: string | null; updatedAt?: string | null }[]) =>
    docs.flatMap((doc) => (doc.slug ? [{ slug: doc.slug, updatedAt: doc.updatedAt ?? undefined }] : []))
  return { posts: entries(posts.docs), pages: entries(pages.docs) }
}
