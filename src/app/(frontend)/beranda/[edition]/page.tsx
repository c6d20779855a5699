import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CallToAction } from '@/components/site/CallToAction'
import { EmptyState } from '@/components/site/EmptyState'
import { CheckCircleIcon } from '@/components/site/icons'
import { PostCards } from '@/components/site/PostCards'
import { ServiceCards } from '@/components/site/ServiceCards'
import { Testimonials } from '@/components/site/Testimonials'
import { getPostsPage, getPricing, getTestimonials } from '@/lib/site/data'
import { pageMetadata, SITE_DESCRIPTION } from '@/lib/site/metadata'
import { HOME_EDITION } from '@/lib/site/paths'

export function generateMetadata(): Metadata {
  return {
    ...pageMetadata({ title: 'Beranda', description: SITE_DESCRIPTION, path: '/' }),
    title: { absolute: 'JasaWeb — Jasa Pembuatan Website Sekolah, Berita & Company Profile' },
  }
}

const STEPS = [
  { title: 'Pilih paket & bayar', text: 'Daftar, pilih paket yang sesuai, lalu bayar dengan QRIS dari aplikasi bank atau dompet digital.' },
  { title: 'Kami bangun situs Anda', text: 'Tim kami mengerjakan desain dan isi; progresnya bisa Anda pantau kapan saja di portal klien.' },
  { title: 'Review & revisi', text: 'Tinjau hasilnya, minta revisi dengan catatan, sampai Anda benar-benar puas.' },
  { title: 'Situs tayang', text: 'Setelah Anda setujui, alamat situs dan akun admin diserahkan lewat portal.' },
]

type Params = { params: Promise<{ edition: string }> }

/**
 * The home page, served at `/` through a rewrite (next.config.mjs). `next build` runs before
 * the database exists, so a static `/` could not be prerendered; as a dynamic segment it is
 * rendered on its first visit and kept (ISR) like a post, until its collections change.
 */
export function generateStaticParams() {
  return []
}

export default async function HomePage({ params }: Params) {
  if ((await params).edition !== HOME_EDITION) notFound()
  const [tiers, testimonials, latest] = await Promise.all([getPricing(), getTestimonials(), getPostsPage(1, 3)])

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__grid">
          <div>
            <p className="hero__badge">
              <span className="hero__badge-dot" aria-hidden="true" />
              Agensi web untuk sekolah, media, dan bisnis Indonesia
            </p>
            <h1 id="hero-title">
              Website profesional untuk <em>sekolah</em>, media berita, dan perusahaan Anda
            </h1>
            <p className="lead">
              JasaWeb merancang, membangun, dan merawat website Anda: dari memilih template, membayar dengan QRIS, sampai situs siap dipakai. Semua
              tahapnya terlihat di portal klien.
            </p>
            <div className="button-row">
              <Link href="/harga" className="button button--primary">
                Lihat paket harga
              </Link>
              <Link href="/template" className="button button--secondary">
                Jelajahi template
              </Link>
            </div>
            <ul className="hero__points">
              <li>
                <CheckCircleIcon /> Bayar aman dengan QRIS
              </li>
              <li>
                <CheckCircleIcon /> Progres terpantau di portal
              </li>
              <li>
                <CheckCircleIcon /> Revisi sampai Anda setuju
              </li>
            </ul>
          </div>
          <div className="mockup" aria-hidden="true">
            <div className="mockup__window">
              <div className="mockup__bar">
                <span />
                <span />
                <span />
              </div>
              <div className="mockup__body">
                <div className="mockup__image" />
                <div className="mockup__lines">
                  <div className="mockup__line mockup__line--title" />
                  <div className="mockup__line" />
                  <div className="mockup__line mockup__line--long" />
                  <div className="mockup__line mockup__line--short" />
                </div>
                <div className="mockup__cta" />
                <div className="mockup__cards">
                  <span />
                  <span />
                  <span />
                </div>
              </div>
            </div>
            <div className="mockup__float mockup__float--status">
              <strong>Website SD Harapan</strong>
              Status proyek
              <br />
              <span className="mockup__pill">Selesai</span>
            </div>
            <div className="mockup__float mockup__float--pay">
              <strong>QRIS</strong>
              Pembayaran diterima
            </div>
          </div>
        </div>
      </section>

      <section className="section" id="layanan" aria-labelledby="layanan-title">
        <div className="container">
          <div className="section-head">
            <span className="eyebrow">Layanan kami</span>
            <h2 id="layanan-title">Tiga jenis website, dikerjakan tuntas</h2>
            <p>Pilih layanan yang sesuai dengan lembaga atau usaha Anda. Setiap layanan punya template siap pakai dan paket harga yang jelas.</p>
          </div>
          <ServiceCards tiers={tiers} />
        </div>
      </section>

      <section className="section section--soft" aria-labelledby="cara-kerja-title">
        <div className="container">
          <div className="section-head section-head--center">
            <span className="eyebrow">Cara kerja</span>
            <h2 id="cara-kerja-title">Dari pesanan sampai situs tayang</h2>
            <p>Tanpa rapat panjang dan tanpa tebak-tebakan: setiap tahap tercatat dan bisa Anda pantau.</p>
          </div>
          <ol className="steps">
            {STEPS.map((step) => (
              <li key={step.title}>
                <h3>{step.title}</h3>
                <p>{step.text}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      {testimonials.length > 0 && (
        <section className="section" aria-labelledby="testimoni-title">
          <div className="container">
            <div className="section-head section-head--center">
              <span className="eyebrow">Testimoni</span>
              <h2 id="testimoni-title">Kata klien kami</h2>
            </div>
            <Testimonials items={testimonials} />
          </div>
        </section>
      )}

      <section className="section section--soft" aria-labelledby="blog-title">
        <div className="container">
          <div className="section-head">
            <span className="eyebrow">Blog</span>
            <h2 id="blog-title">Artikel terbaru</h2>
            <p>Tips membangun dan merawat website untuk sekolah, redaksi, dan bisnis.</p>
          </div>
          {latest.docs.length > 0 ? (
            <>
              <PostCards posts={latest.docs} />
              <p className="section-foot">
                <Link href="/blog" className="link-arrow">
                  Semua artikel →
                </Link>
              </p>
            </>
          ) : (
            <EmptyState title="Belum ada artikel">
              <p>Tim kami sedang menulis tips pertama. Nantikan segera.</p>
            </EmptyState>
          )}
        </div>
      </section>

      <CallToAction />
    </>
  )
}
