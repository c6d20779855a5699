'use client'

import Link from 'next/link'

/** A page failed to load (the database is unreachable, say): say so and offer a retry. The server has logged the error under its digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status-page" aria-labelledby="error-title">
      <div className="container container--narrow">
        <p className="status-page__code" aria-hidden="true">
          Ups
        </p>
        <h1 id="error-title">Halaman ini gagal dimuat</h1>
        <p className="lead">Maaf, ada gangguan di server kami. Coba muat ulang sebentar lagi; jika masih gagal, hubungi kami di halo@jasaweb.id.</p>
        {error.digest && <p className="muted">Kode kejadian: {error.digest}</p>}
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={reset}>
            Coba lagi
          </button>
          <Link href="/" className="button button--secondary">
            Ke beranda
          </Link>
        </div>
      </div>
    </section>
  )
}
