import Link from 'next/link'

import { formatRupiah } from '@/lib/formatRupiah'

import type { Pricing } from '../../../payload-types'
import { EmptyState } from './EmptyState'
import { CheckIcon } from './icons'

export function PricingTiers({ tiers, emptyText = 'Paket untuk layanan ini sedang kami siapkan. Hubungi kami untuk penawaran.' }: { tiers: Pricing[]; emptyText?: string }) {
  if (tiers.length === 0) {
    return (
      <EmptyState title="Belum ada paket">
        <p>{emptyText}</p>
      </EmptyState>
    )
  }
  return (
    <ul className="grid grid--3 plain-list" role="list">
      {tiers.map((tier) => (
        <li key={tier.id} className={`card tier${tier.isPopular ? ' tier--popular' : ''}`}>
          {tier.isPopular && <span className="tier__badge">Paling populer</span>}
          <h3 className="tier__name" id={`paket-${tier.id}`}>
            {tier.name}
          </h3>
          {tier.description && <p className="tier__description">{tier.description}</p>}
          <p className="tier__price">{formatRupiah(tier.price)}</p>
          <p className="tier__price-note">sekali bayar per proyek</p>
          {tier.features && tier.features.length > 0 && (
            <ul className="tier__features" aria-label={`Fitur ${tier.name}`}>
              {tier.features.map((item) => (
                <li key={item.id ?? item.feature}>
                  <CheckIcon />
                  <span>{item.feature}</span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/daftar" className={`button button--block ${tier.isPopular ? 'button--primary' : 'button--secondary'}`} >
            {/* The tier's name completes the visible text for screen readers, so the accessible name starts with what is seen. */}
            Pesan paket ini<span className="visually-hidden">: {tier.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
