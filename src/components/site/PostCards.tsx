import Link from 'next/link'

import { formatDate } from '@/lib/formatDate'
import { populatedMedia } from '@/lib/site/media'
import { postPath } from '@/lib/site/paths'
import type { PostCard } from '@/lib/site/queries'

import { MediaImage } from './MediaImage'

export function PostCards({ posts, headingLevel = 3 }: { posts: PostCard[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="grid grid--3 plain-list" role="list">
      {posts.map((post) => (
        <li key={post.id} className="card card--link post-card">
          <div className="post-card__image">
            <MediaImage media={populatedMedia(post.featuredImage)} alt="" sizes="(min-width: 1160px) 360px, (min-width: 700px) 50vw, 100vw" />
          </div>
          <div className="post-card__body">
            <p className="post-meta">
              {post.publishedAt && <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>}
              {post.authorName && <span>{post.authorName}</span>}
            </p>
            <Heading>
              <Link href={postPath(post.slug)} className="stretched">
                {post.title}
              </Link>
            </Heading>
            {post.excerpt && <p>{post.excerpt}</p>}
          </div>
        </li>
      ))}
    </ul>
  )
}
