import { compactRupiah, formatCount } from '@/lib/bi/formatBi'
import type { SummaryReport } from '@/lib/bi/reportTypes'
import { formatRupiah } from '@/lib/formatRupiah'
import { CategoryBarChart } from './CategoryBarChart'
import { ChartCard } from './ChartCard'

/** The pricing tiers that brought in most in the range (paid invoices of their projects). */
export function TopTiersChart({ tiers }: { tiers: SummaryReport['topPricingTiers'] }) {
  return (
    <ChartCard
      id="top-tiers"
      title="Paket harga terlaris"
      summary={<p>Lima paket dengan pendapatan terbesar pada rentang ini.</p>}
      empty={tiers.length === 0 ? 'Belum ada paket yang terbayar pada rentang ini.' : undefined}
      tables={[{ caption: 'Paket harga terlaris', columns: ['Paket', 'Tagihan lunas', 'Pendapatan'], rows: tiers.map((tier) => [tier.name, formatCount(tier.invoices), formatRupiah(tier.revenue)]) }]}
    >
      <CategoryBarChart data={tiers.map((tier) => ({ label: tier.name, value: tier.revenue }))} name="Pendapatan" format={formatRupiah} formatTick={compactRupiah} />
    </ChartCard>
  )
}
