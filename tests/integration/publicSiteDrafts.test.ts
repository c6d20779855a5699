/**
 * The public site reads through src/lib/site/queries.ts. Whatever the editors are writing,
 * a visitor only ever gets published content; an editor's preview gets the newest draft.
 */
import { findLatestVersion, findPublishedPage, findPublishedPost, findPublishedPosts, findSitemapDocuments } from '../../src/lib/site/queries'
import { actingAs, createPage, createPost } from '../helpers/fixtures'
import { useWorldSuite } from '../helpers/worldSuite'

const suite = useWorldSuite()

let published: { id: number; slug: string }
let neverPublished: { id: number; slug: string }
let publishedWithDraft: { id: number; slug: string }

beforeAll(async () => {
  const { payload } = suite.ctx
  published = await createPost(payload, 'Artikel Terbit', 'published')
  neverPublished = await createPost(payload, 'Artikel Masih Draf', 'draft')
  publishedWithDraft = await createPost(payload, 'Judul Yang Sudah Terbit', 'published')
  // An editor keeps working on a published post: the new title is saved as a draft only.
  await payload.update({ collection: 'posts', id: publishedWithDraft.id, data: { title: 'Judul Draf Yang Belum Terbit' }, draft: true, overrideAccess: true })
})

it('lists only published posts, with their published titles', async () => {
  const { docs } = await findPublishedPosts(suite.ctx.payload, { limit: 50 })
  const titles = docs.map((post) => post.title)
  expect(titles).toEqual(expect.arrayContaining(['Artikel Terbit', 'Judul Yang Sudah Terbit']))
  expect(titles).not.toContain('Artikel Masih Draf')
  expect(titles).not.toContain('Judul Draf Yang Belum Terbit')
})

it('never returns a post that has not been published, by its address', async () => {
  expect(await findPublishedPost(suite.ctx.payload, neverPublished.slug)).toBeNull()
  expect((await findPublishedPost(suite.ctx.payload, published.slug))?.title).toBe('Artikel Terbit')
})

it('shows a published post as published while a newer draft of it waits', async () => {
  const post = await findPublishedPost(suite.ctx.payload, publishedWithDraft.slug)
  expect(post?.title).toBe('Judul Yang Sudah Terbit')
})

it('keeps draft pages off the site and drafts out of the sitemap', async () => {
  const draftPage = await createPage(suite.ctx.payload, 'Halaman Rahasia', 'draft')
  const livePage = await createPage(suite.ctx.payload, 'Halaman Umum', 'published')
  expect(await findPublishedPage(suite.ctx.payload, draftPage.slug)).toBeNull()
  expect((await findPublishedPage(suite.ctx.payload, livePage.slug))?.title).toBe('Halaman Umum')

  const sitemap = await findSitemapDocuments(suite.ctx.payload)
  expect(sitemap.posts.map((post) => post.slug)).toEqual(expect.arrayContaining([published.slug, publishedWithDraft.slug]))
  expect(sitemap.posts.map((post) => post.slug)).not.toContain(neverPublished.slug)
  expect(sitemap.pages.map((page) => page.slug)).toContain(livePage.slug)
  expect(sitemap.pages.map((page) => page.slug)).not.toContain(draftPage.slug)
})

it("gives an editor's preview the newest draft", async () => {
  const editor = actingAs(suite.world.editor)
  expect((await findLatestVersion(suite.ctx.payload, 'posts', neverPublished.slug, editor))?.title).toBe('Artikel Masih Draf')
  expect((await findLatestVersion(suite.ctx.payload, 'posts', publishedWithDraft.slug, editor))?.title).toBe('Judul Draf Yang Belum Terbit')
})

it('gives a client asking for a preview nothing but published content', async () => {
  const client = actingAs(suite.world.clientA)
  expect(await findLatestVersion(suite.ctx.payload, 'posts', neverPublished.slug, client)).toBeNull()
})

it('keeps drafts out of the public REST API too', async () => {
  const list = await suite.api.rest('GET', '/posts?limit=100&depth=0')
  expect(list.status).toBe(200)
  const slugs = list.body.docs.map((post: { slug: string }) => post.slug)
  expect(slugs).toContain(published.slug)
  expect(slugs).not.toContain(neverPublished.slug)
  const draftRead = await suite.api.rest('GET', `/posts/${publishedWithDraft.id}?draft=true&depth=0`)
  expect(draftRead.body.title).not.toBe('Judul Draf Yang Belum Terbit')
})
