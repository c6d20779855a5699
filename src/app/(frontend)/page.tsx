import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'

import { formatRupiah } from '@/lib/formatRupiah'

// Prices change in the admin; render on request until the public-site work adds revalidation.
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const payload = await getPayload({ config })
  const { docs: tiers } = await payload.find({ collection: 'pricing', sort: 'order', limit: 12, depth: 0 })
  return (
    <main>
      <section className="hero">
        <h1>Website profesional untuk sekolah, media berita, dan perusahaan Anda</h1>
        <p>JasaWeb merancang, membangun, dan merawat website Anda — dari pemesanan sampai situs siap dipakai.</p>
        <p>
          <a href="/admin">Masuk admin</a>
        </p>
      </section>
      <section aria-labelledby="harga">
        <h2 id="harga">Paket harga</h2>
        <ul className="tiers">
          {tiers.map((tier) => (
            <li key={tier.id} className={tier.isPopular ? 'tier popular' : 'tier'}>
              <h3>{tier.name}</h3>
              <strong>{formatRupiah(tier.price)}</strong>
              <p>{tier.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
