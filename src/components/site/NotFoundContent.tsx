import Link from 'next/link'

const ELSEWHERE = [
  { href: '/template', label: 'Galeri template' },
  { href: '/harga', label: 'Paket harga' },
  { href: '/blog', label: 'Blog' },
]

/** The branded 404: what happened, and the likeliest places the visitor was looking for. */
export function NotFoundContent() {
  return (
    <section className="status-page" aria-labelledby="not-found-title">
      <div className="container container--narrow">
        <p className="status-page__code" aria-hidden="true">
          404
        </p>
        <h1 id="not-found-title">Halaman tidak ditemukan</h1>
        <p className="lead">Alamat yang Anda buka tidak ada atau sudah dipindahkan. Coba mulai dari beranda atau salah satu halaman berikut.</p>
        <div className="button-row">
          <Link href="/" className="button button--primary">
            Ke beranda
          </Link>
          <Link href="/layanan" className="button button--secondary">
            Lihat layanan
          </Link>
        </div>
        <ul className="status-page__links">
          {ELSEWHERE.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
          <li>
            <a href="mailto:halo@jasaweb.id">Hubungi kami</a>
          </li>
        </ul>
      </div>
    </section>
  )
}
