import type { Metadata } from 'next'
import Link from 'next/link'

import { CallToAction } from '@/components/site/CallToAction'
import { PageHero } from '@/components/site/PageHero'
import { TemplateGrid } from '@/components/site/TemplateGrid'
import { getTemplates } from '@/lib/site/data'
import { pageMetadata } from '@/lib/site/metadata'
import { templatesPath } from '@/lib/site/paths'
import { SERVICES, serviceBySlug } from '@/lib/site/services'

type Props = { searchParams: Promise<{ kategori?: string | string[] }> }

const chosenService = (kategori: string | string[] | undefined) => (typeof kategori === 'string' ? serviceBySlug(kategori) : undefined)

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const service = chosenService((await searchParams).kategori)
  return pageMetadata({
    title: service ? `Template ${service.name}` : 'Galeri Template',
    description: service
      ? `Template ${service.name} dari JasaWeb, lengkap dengan demo langsung.`
      : 'Galeri template website sekolah, portal berita, dan company profile dari JasaWeb. Coba demonya langsung.',
    path: templatesPath(service?.slug),
  })
}

export default async function TemplatesPage({ searchParams }: Props) {
  const service = chosenService((await searchParams).kategori)
  const templates = await getTemplates(service?.projectType)
  const filters = [{ href: templatesPath(), label: 'Semua', current: !service }, ...SERVICES.map((item) => ({ href: templatesPath(item.slug), label: item.name, current: item === service }))]

  return (
    <>
      <PageHero
        crumbs={[{ label: 'Template' }]}
        eyebrow="Galeri template"
        title="Pilih tampilan untuk website Anda"
        lead="Setiap template sudah responsif dan siap disesuaikan dengan warna, logo, dan isi Anda. Buka demonya untuk mencoba langsung."
      />
      <section className="section" aria-labelledby="daftar-template">
        <div className="container">
          <h2 id="daftar-template" className="visually-hidden">
            {service ? `Template ${service.name}` : 'Semua template'}
          </h2>
          <nav aria-label="Saring template menurut layanan">
            <ul className="filter-bar">
              {filters.map((filter) => (
                <li key={filter.href}>
                  <Link href={filter.href} aria-current={filter.current ? 'page' : undefined} scroll={false}>
                    {filter.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {templates.length > 0 && (
            <p className="result-count" role="status">
              {templates.length} template{service ? ` ${service.name}` : ''}
            </p>
          )}
          <TemplateGrid templates={templates} emptyText={service ? `Template ${service.name} sedang kami siapkan.` : 'Template sedang kami siapkan. Kunjungi lagi segera.'} />
        </div>
      </section>
      <CallToAction title="Sudah menemukan yang cocok?" text="Daftar, pilih paket, dan sebutkan template favorit Anda; kami sesuaikan dengan identitas lembaga atau usaha Anda." />
    </>
  )
}
