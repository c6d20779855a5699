import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumb } from '@/components/site/PageHero'
import { RichText } from '@/components/site/RichText'
import { getPageForView } from '@/lib/site/data'
import { populatedMedia } from '@/lib/site/media'
import { pageMetadata } from '@/lib/site/metadata'
import { pagePath } from '@/lib/site/paths'

type Params = { params: Promise<{ slug: string }> }

// CMS pages are rendered on their first visit and kept until they change.
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { page, preview } = await getPageForView((await params).slug)
  if (!page) return { title: 'Halaman tidak ditemukan', robots: { index: false } }
  return pageMetadata({
    title: page.title,
    absoluteTitle: page.meta?.title,
    description: page.meta?.description,
    path: pagePath(page.slug),
    image: populatedMedia(page.meta?.image),
    noIndex: preview,
  })
}

export default async function CmsPage({ params }: Params) {
  const { page } = await getPageForView((await params).slug)
  if (!page) notFound()
  return (
    <article>
      <header className="page-hero">
        <div className="container container--narrow">
          <Breadcrumb items={[{ label: page.title }]} />
          <h1>{page.title}</h1>
        </div>
      </header>
      <div className="section">
        <div className="container container--narrow">
          <RichText data={page.content} />
        </div>
      </div>
    </article>
  )
}
