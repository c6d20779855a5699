import { formatCount, formatPercent } from '@/lib/bi/formatBi'
import type { SummaryReport } from '@/lib/bi/reportTypes'
import { formatRupiah } from '@/lib/formatRupiah'

/** The headline figures of the summary report, on the dashboard home and atop the BI view. */
export function BiHeadline({ summary }: { summary: SummaryReport }) {
  const stats = [
    { id: 'revenue', label: 'Pendapatan', value: formatRupiah(summary.revenue), note: `${formatCount(summary.paidInvoices)} tagihan lunas` },
    { id: 'receivables', label: 'Piutang', value: formatRupiah(summary.receivables.amount), note: `${formatRupiah(summary.receivables.overdueAmount)} lewat jatuh tempo` },
    { id: 'new-clients', label: 'Klien baru', value: formatCount(summary.newClients), note: `${formatCount(summary.conversion.paying)} sudah membayar` },
    { id: 'conversion', label: 'Konversi', value: formatPercent(summary.conversionRate), note: 'klien baru yang membayar' },
  ]
  return (
    <dl className="jw-bi__headline">
      {stats.map((stat) => (
        <div key={stat.id} className="jw-bi__stat" data-figure={stat.id}>
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
          <dd className="jw-muted">{stat.note}</dd>
        </div>
      ))}
    </dl>
  )
}
