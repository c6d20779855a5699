import type { Metadata } from 'next'

import { NotFoundContent } from '@/components/site/NotFoundContent'
import { SiteFooter } from '@/components/site/SiteFooter'
import { SiteHeader } from '@/components/site/SiteHeader'

import './(frontend)/styles.css'

/**
 * Addresses that match no route at all (e.g. /blog/a/b, /portal before the portal exists).
 * The app has two root layouts (site and admin), so Next needs this page to draw a 404
 * for them; it wears the site's header and footer.
 */
export const metadata: Metadata = { title: 'Halaman tidak ditemukan — JasaWeb', robots: { index: false }, icons: { icon: '/icon.svg' } }

export default function GlobalNotFound() {
  return (
    <html lang="id">
      <body>
        <SiteHeader />
        <main id="konten" className="site-main">
          <NotFoundContent />
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
