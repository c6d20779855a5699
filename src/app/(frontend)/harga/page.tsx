import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'

import { CallToAction } from '@/components/site/CallToAction'
import { EmptyState } from '@/components/site/EmptyState'
import { Faq } from '@/components/site/Faq'
import { PageHero } from '@/components/site/PageHero'
import { PricingTiers } from '@/components/site/PricingTiers'
import { getPricing } from '@/lib/site/data'
import { pageMetadata } from '@/lib/site/metadata'
import { servicePath } from '@/lib/site/paths'
import { SERVICES } from '@/lib/site/services'

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: 'Paket Harga',
    description: 'Paket harga pembuatan website sekolah, portal berita, dan company profile dari JasaWeb, dalam Rupiah dan dibayar dengan QRIS.',
    path: '/harga',
  })
}

const PRICING_FAQ = [
  {
    question: 'Kapan saya membayar?',
    answer: 'Setelah Anda memesan, tagihan muncul di portal klien. Pengerjaan dimulai begitu pembayaran QRIS diterima, dan status proyek langsung berubah.',
  },
  {
    question: 'Metode pembayaran apa yang diterima?',
    answer: 'QRIS, sehingga bisa dibayar dari aplikasi mobile banking atau dompet digital apa pun yang mendukung QRIS.',
  },
  {
    question: 'Bagaimana jika hasilnya belum sesuai?',
    answer: 'Saat proyek masuk tahap review, Anda bisa meminta revisi dengan catatan dari portal. Proyek baru dinyatakan selesai setelah Anda menyetujuinya.',
  },
]

export default async function PricingPage() {
  await connection()
  const tiers = await getPricing()
  const groups = SERVICES.map((service) => ({ service, tiers: tiers.filter((tier) => tier.projectType === service.projectType) })).filter(
    (group) => group.tiers.length > 0,
  )

  return (
    <>
      <PageHero
        crumbs={[{ label: 'Harga' }]}
        eyebrow="Paket harga"
        title="Harga jelas, tanpa biaya tersembunyi"
        lead="Pilih paket sesuai kebutuhan. Semua harga dalam Rupiah untuk satu proyek, dibayar dengan QRIS melalui portal klien."
      />
      <section className="section">
        <div className="container">
          {groups.length === 0 ? (
            <EmptyState title="Paket harga sedang diperbarui">
              <p>Hubungi kami di halo@jasaweb.id untuk penawaran sementara.</p>
            </EmptyState>
          ) : (
            groups.map(({ service, tiers: serviceTiers }) => (
              <section key={service.slug} className="pricing-group" aria-labelledby={`harga-${service.slug}`}>
                <div className="pricing-group__head">
                  <h2 id={`harga-${service.slug}`}>{service.name}</h2>
                  <Link href={servicePath(service.slug)} className="link-arrow">
                    Tentang layanan ini →
                  </Link>
                </div>
                <PricingTiers tiers={serviceTiers} />
              </section>
            ))
          )}
        </div>
      </section>
      <section className="section section--soft" aria-labelledby="faq-harga">
        <div className="container container--narrow">
          <h2 id="faq-harga">Pertanyaan tentang pembayaran</h2>
          <Faq items={PRICING_FAQ} />
        </div>
      </section>
      <CallToAction />
    </>
  )
}
