import type { Metadata } from 'next'
import { connection } from 'next/server'

import { CallToAction } from '@/components/site/CallToAction'
import { PageHero } from '@/components/site/PageHero'
import { ServiceCards } from '@/components/site/ServiceCards'
import { getPricing } from '@/lib/site/data'
import { pageMetadata } from '@/lib/site/metadata'

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: 'Layanan',
    description: 'Layanan JasaWeb: website sekolah, portal berita, dan company profile, lengkap dengan template dan paket harga.',
    path: '/layanan',
  })
}

export default async function ServicesPage() {
  await connection()
  const tiers = await getPricing()
  return (
    <>
      <PageHero
        crumbs={[{ label: 'Layanan' }]}
        eyebrow="Layanan"
        title="Website yang dibuat untuk kebutuhan Anda"
        lead="Sekolah, redaksi berita, atau perusahaan: setiap layanan punya template siap pakai, paket yang jelas, dan proses yang bisa Anda pantau."
      />
      <section className="section">
        <div className="container">
          <ServiceCards tiers={tiers} />
        </div>
      </section>
      <CallToAction />
    </>
  )
}
