import Link from 'next/link'

import { servicePath } from '@/lib/site/paths'
import { SERVICES } from '@/lib/site/services'

import { Brand } from './SiteHeader'

type FooterLink = { href: string; label: string; external?: boolean }

const COLUMNS: { id: string; title: string; links: FooterLink[] }[] = [
  {
    id: 'footer-layanan',
    title: 'Layanan',
    links: [
      ...SERVICES.map((service) => ({ href: servicePath(service.slug), label: service.name })),
      { href: '/template', label: 'Galeri template' },
      { href: '/harga', label: 'Paket harga' },
    ],
  },
  {
    id: 'footer-jasaweb',
    title: 'JasaWeb',
    links: [
      { href: '/tentang-kami', label: 'Tentang kami' },
      { href: '/blog', label: 'Blog' },
      { href: '/kebijakan-privasi', label: 'Kebijakan privasi' },
    ],
  },
  {
    id: 'footer-akun',
    title: 'Akun',
    links: [
      { href: '/masuk', label: 'Masuk' },
      { href: '/daftar', label: 'Daftar sebagai klien' },
      // The portal and mail are outside the site's pages: plain links.
      { href: '/portal', label: 'Portal klien', external: true },
      { href: 'mailto:halo@jasaweb.id', label: 'halo@jasaweb.id', external: true },
    ],
  },
]

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <div className="site-footer__grid">
          <div className="site-footer__brand">
            <Brand />
            <p>Agensi web untuk sekolah, media berita, dan perusahaan di seluruh Indonesia. Pesan, bayar dengan QRIS, dan pantau proyek Anda dari satu portal.</p>
          </div>
          {COLUMNS.map((column) => (
            <nav key={column.id} aria-labelledby={column.id}>
              <h2 id={column.id}>{column.title}</h2>
              <ul>
                {column.links.map((link) => (
                  <li key={link.href}>{link.external ? <a href={link.href}>{link.label}</a> : <Link href={link.href}>{link.label}</Link>}</li>
                ))}
              </ul>
            </nav>
          ))}
        </div>
        <div className="site-footer__bottom">
          <p>© {new Date().getFullYear()} JasaWeb. Dibuat di Indonesia.</p>
          <p>Pembayaran aman dengan QRIS</p>
        </div>
      </div>
    </footer>
  )
}
