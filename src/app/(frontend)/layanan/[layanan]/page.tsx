import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CallToAction } from '@/components/site/CallToAction'
import { Faq } from '@/components/site/Faq'
import { CheckCircleIcon } from '@/components/site/icons'
import { PageHero } from '@/components/site/PageHero'
import { PricingTiers } from '@/components/site/PricingTiers'
import { TemplateGrid } from '@/components/site/TemplateGrid'
import { getPricing, getTemplates } from '@/lib/site/data'
import { pageMetadata } from '@/lib/site/metadata'
import { servicePath, templatesPath } from '@/lib/site/paths'
import { serviceBySlug } from '@/lib/site/services'

type Params = { params: Promise<{ layanan: string }> }

// Generated on first visit and kept until its templates or prices change (the build has no
// database, so nothing is prerendered; see hooks/revalidatePublicSite.ts).
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const service = serviceBySlug((await params).layanan)
  if (!service) return {}
  return pageMetadata({ title: `Jasa ${service.name}`, description: `${service.tagline} ${service.summary}`, path: servicePath(service.slug) })
}

export default async function ServicePage({ params }: Params) {
  const service = serviceBySlug((await params).layanan)
  if (!service) notFound()
  const [templates, tiers] = await Promise.all([getTemplates(service.projectType), getPricing(service.projectType)])

  return (
    <>
      <PageHero crumbs={[{ href: '/layanan', label: 'Layanan' }, { label: service.name }]} eyebrow="Layanan" title={service.name} lead={service.tagline}>
        <p className="page-hero__summary">
          {service.summary}
        </p>
        <div className="button-row">
          <a href="#harga" className="button button--primary">
            Lihat paket & harga
          </a>
          <a href="#template" className="button button--secondary">
            Lihat template
          </a>
        </div>
      </PageHero>

      <section className="section" aria-labelledby="manfaat-title">
        <div className="container">
          <div className="section-head">
            <h2 id="manfaat-title">Yang Anda dapatkan</h2>
          </div>
          <ul className="grid grid--4 plain-list" role="list">
            {service.benefits.map((benefit) => (
              <li key={benefit.title} className="card">
                <span className="icon-badge">
                  <CheckCircleIcon />
                </span>
                <h3>{benefit.title}</h3>
                <p className="muted">{benefit.text}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section section--soft" id="template" aria-labelledby="template-title">
        <div className="container">
          <div className="section-head">
            <h2 id="template-title">Template {service.name}</h2>
            <p>Mulai dari desain yang sudah teruji, lalu kami sesuaikan dengan identitas Anda. Buka demonya untuk mencoba langsung.</p>
          </div>
          <TemplateGrid templates={templates} emptyText={`Template ${service.name} sedang kami siapkan.`} />
          {templates.length > 0 && (
            <p className="section-foot">
              <Link href={templatesPath(service.slug)} className="link-arrow">
                Buka di galeri template →
              </Link>
            </p>
          )}
        </div>
      </section>

      <section className="section" id="harga" aria-labelledby="harga-title">
        <div className="container">
          <div className="section-head">
            <h2 id="harga-title">Paket {service.name}</h2>
            <p>Harga dalam Rupiah untuk satu proyek. Pembayaran dengan QRIS melalui portal klien setelah Anda memesan.</p>
          </div>
          <PricingTiers tiers={tiers} />
        </div>
      </section>

      <section className="section section--soft" aria-labelledby="faq-title">
        <div className="container container--narrow">
          <h2 id="faq-title">Pertanyaan yang sering diajukan</h2>
          <Faq items={service.faqs} />
        </div>
      </section>

      <CallToAction title={`Siap membuat ${service.name.toLowerCase()}?`} />
    </>
  )
}
