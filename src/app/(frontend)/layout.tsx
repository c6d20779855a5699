import type { Metadata, Viewport } from 'next'
import { draftMode } from 'next/headers'
import type { ReactNode } from 'react'

import { DocumentLanguage } from '@/components/site/DocumentLanguage'
import { PreviewBar } from '@/components/site/PreviewBar'
import { SiteFooter } from '@/components/site/SiteFooter'
import { SiteHeader } from '@/components/site/SiteHeader'
import { DEFAULT_OG_IMAGE, SITE_DESCRIPTION, SITE_NAME, siteUrl } from '@/lib/site/metadata'

import './styles.css'

// A function, not a constant: SERVER_URL is read when the page renders, not when it was built.
export function generateMetadata(): Metadata {
  return {
    metadataBase: siteUrl(),
    title: { default: 'JasaWeb — Jasa Pembuatan Website Sekolah, Berita & Company Profile', template: `%s — ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    openGraph: { type: 'website', siteName: SITE_NAME, locale: 'id_ID', images: [DEFAULT_OG_IMAGE] },
    twitter: { card: 'summary_large_image' },
  }
}

export const viewport: Viewport = { themeColor: '#1d4ed8', width: 'device-width', initialScale: 1 }

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const { isEnabled: previewing } = await draftMode()
  return (
    <html lang="id">
      <body>
        <DocumentLanguage lang="id" />
        <a href="#konten" className="skip-link">
          Langsung ke konten
        </a>
        <SiteHeader />
        <main id="konten" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        {previewing && <PreviewBar />}
      </body>
    </html>
  )
}
