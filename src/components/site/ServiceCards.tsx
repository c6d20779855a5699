import Link from 'next/link'

import { formatRupiah } from '@/lib/formatRupiah'
import { servicePath } from '@/lib/site/paths'
import { SERVICES } from '@/lib/site/services'

import type { Pricing } from '../../../payload-types'
import { ArrowRightIcon, ServiceIcon } from './icons'

/** The lowest price per project type, from the pricing collection. */
export function startingPrices(tiers: Pick<Pricing, 'projectType' | 'price'>[]): Map<string, number> {
  const prices = new Map<string, number>()
  for (const tier of tiers) {
    const current = prices.get(tier.projectType)
    if (current === undefined || tier.price < current) prices.set(tier.projectType, tier.price)
  }
  return prices
}

export function ServiceCards({ tiers }: { tiers: Pick<Pricing, 'projectType' | 'price'>[] }) {
  const prices = startingPrices(tiers)
  return (
    <ul className="grid grid--3 plain-list" role="list">
      {SERVICES.map((service) => {
        const price = prices.get(service.projectType)
        return (
          <li key={service.slug} className="card card--link service-card">
            <span className="icon-badge">
              <ServiceIcon projectType={service.projectType} />
            </span>
            <h3>
              <Link href={servicePath(service.slug)} className="stretched">
                {service.name}
              </Link>
            </h3>
            <p>{service.tagline}</p>
            <p className="service-card__price">
              {price === undefined ? (
                'Harga sesuai kebutuhan'
              ) : (
                <>
                  Mulai dari <strong>{formatRupiah(price)}</strong>
                </>
              )}
            </p>
            <span className="link-arrow" aria-hidden="true">
              Lihat layanan <ArrowRightIcon />
            </span>
          </li>
        )
      })}
    </ul>
  )
}
