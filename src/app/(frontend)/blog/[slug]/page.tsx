import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CallToAction } from '@/components/site/CallToAction'
import { JsonLd } from '@/components/site/JsonLd'
import { MediaImage } from '@/components/site/MediaImage'
import { Breadcrumb } from '@/components/site/PageHero'
import { PostCards } from '@/components/site/PostCards'
import { RichText } from '@/components/site/RichText'
import { formatDate } from '@/lib/formatDate'
import { getPostForView, getPostsPage } from '@/lib/site/data'
import { populatedMedia } from '@/lib/site/media'
import { absoluteUrl, pageMetadata, SITE_NAME } from '@/lib/site/metadata'
import { postPath } from '@/lib/site/paths'
import { readingMinutes } from '@/lib/site/readingTime'

type Params = { params: Promise<{ slug: string }> }

// Each post is rendered on its first visit and kept until it (or a post list) changes.
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params
  const { post, preview } = await getPostForView(slug)
  if (!post) return { title: 'Artikel tidak ditemukan', robots: { index: false } }
  return pageMetadata({
    title: post.title,
    absoluteTitle: post.meta?.title,
    description: post.meta?.description || post.excerpt,
    path: postPath(post.slug),
    image: populatedMedia(post.meta?.image) ?? populatedMedia(post.featuredImage),
    type: 'article',
    publishedTime: post.publishedAt,
    noIndex: preview,
  })
}

export default async function PostPage({ params }: Params) {
  const { slug } = await params
  const { post } = await getPostForView(slug)
  if (!post) notFound()
  const cover = populatedMedia(post.featuredImage)
  const latest = await getPostsPage(1, 4)
  const related = latest.docs.filter((other) => other.slug !== post.slug).slice(0, 3)

  return (
    <>
      <article>
        <header className="article-header">
          <div className="container container--narrow">
            <Breadcrumb items={[{ href: '/blog', label: 'Blog' }, { label: post.title }]} />
            <h1>{post.title}</h1>
            {post.excerpt && <p className="lead">{post.excerpt}</p>}
            <p className="post-meta">
              {post.publishedAt && <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>}
              {post.authorName && <span>oleh {post.authorName}</span>}
              <span>{readingMinutes(post.content)} menit baca</span>
            </p>
          </div>
        </header>
        <div className="container container--narrow article-body">
          {cover && (
            <figure className="article-cover">
              <MediaImage media={cover} sizes="(min-width: 760px) 712px, 100vw" priority />
            </figure>
          )}
          <RichText data={post.content} />
          <footer className="article-footer">
            <Link href="/blog" className="link-arrow">
              ← Kembali ke blog
            </Link>
          </footer>
        </div>
      </article>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BlogPosting',
          headline: post.title,
          description: post.excerpt ?? undefined,
          datePublished: post.publishedAt ?? undefined,
          dateModified: post.updatedAt,
          author: { '@type': 'Organization', name: post.authorName || SITE_NAME },
          publisher: { '@type': 'Organization', name: SITE_NAME },
          mainEntityOfPage: absoluteUrl(postPath(post.slug)),
        }}
      />
      {related.length > 0 && (
        <section className="section section--soft" aria-labelledby="lainnya-title">
          <div className="container">
            <div className="section-head">
              <h2 id="lainnya-title">Artikel lainnya</h2>
            </div>
            <PostCards posts={related} />
          </div>
        </section>
      )}
      <CallToAction />
    </>
  )
}
