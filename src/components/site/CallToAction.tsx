import Link from 'next/link'

export function CallToAction({
  title = 'Siap punya website yang bekerja untuk Anda?',
  text = 'Daftar gratis, pilih paket, bayar dengan QRIS, lalu pantau pengerjaannya dari portal klien.',
}: {
  title?: string
  text?: string
}) {
  return (
    <section className="section" aria-labelledby="cta-title">
      <div className="container">
        <div className="cta-band">
          <div>
            <h2 id="cta-title">{title}</h2>
            <p>{text}</p>
          </div>
          <div className="button-row">
            <Link href="/daftar" className="button button--light">
              Daftar sekarang
            </Link>
            <Link href="/harga" className="button button--outline-light">
              Lihat harga
            </Link>
          </div>
        </div>
      </div>
    </section>
  )
}
