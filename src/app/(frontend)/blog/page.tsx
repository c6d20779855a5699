import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CallToAction } from '@/components/site/CallToAction'
import { EmptyState } from '@/components/site/EmptyState'
import { PageHero } from '@/components/site/PageHero'
import { Pagination } from '@/components/site/Pagination'
import { PostCards } from '@/components/site/PostCards'
import { getPostsPage } from '@/lib/site/data'
import { pageMetadata } from '@/lib/site/metadata'
import { blogPath } from '@/lib/site/paths'

type Props = { searchParams: Promise<{ halaman?: string | string[] }> }

/** `?halaman=2` → 2; no parameter → 1; anything else is not a page of the blog. */
function pageNumber(value: string | string[] | undefined): number | undefined {
  if (value === undefined) return 1
  return typeof value === 'string' && /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : undefined
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = pageNumber((await searchParams).halaman) ?? 1
  return pageMetadata({
    title: page > 1 ? `Blog — halaman ${page}` : 'Blog',
    description: 'Tips membangun, mengelola, dan mempromosikan website sekolah, portal berita, dan company profile dari tim JasaWeb.',
    path: blogPath(page),
  })
}

export default async function BlogPage({ searchParams }: Props) {
  const page = pageNumber((await searchParams).halaman)
  if (!page) notFound()
  const posts = await getPostsPage(page)
  if (page > 1 && page > posts.totalPages) notFound()

  return (
    <>
      <PageHero
        crumbs={[{ label: 'Blog' }]}
        eyebrow="Blog JasaWeb"
        title="Tips website untuk sekolah, redaksi, dan bisnis"
        lead="Panduan praktis dari tim kami: apa yang perlu ada di website Anda, cara membuatnya cepat, dan cara membuatnya mudah ditemukan."
      />
      <section className="section" aria-labelledby="artikel-title">
        <div className="container">
          <h2 id="artikel-title" className="visually-hidden">
            Daftar artikel{page > 1 ? `, halaman ${page}` : ''}
          </h2>
          {posts.docs.length === 0 ? (
            <EmptyState title="Belum ada artikel">
              <p>Artikel pertama kami segera terbit. Sementara itu, lihat layanan dan template kami.</p>
            </EmptyState>
          ) : (
            <>
              <PostCards posts={posts.docs} />
              <Pagination page={page} totalPages={posts.totalPages} hrefFor={blogPath} label="Halaman blog" />
            </>
          )}
        </div>
      </section>
      <CallToAction />
    </>
  )
}
