import { compactRupiah, formatCount } from '@/lib/bi/formatBi'
import type { RevenueReport } from '@/lib/bi/reportTypes'
import { formatRupiah } from '@/lib/formatRupiah'
import { CategoryBarChart } from './CategoryBarChart'
import { ChartCard } from './ChartCard'
import { CHART_COLORS } from './chartTheme'

/** What clients owe now (not bound to the range): unpaid invoices, split by whether they are past due. */
export function ReceivablesChart({ receivables }: { receivables: RevenueReport['receivables'] }) {
  const notDue = { amount: receivables.amount - receivables.overdueAmount, invoices: receivables.invoices - receivables.overdueInvoices }
  const rows = [
    { label: 'Belum jatuh tempo', value: notDue.amount, invoices: notDue.invoices, color: CHART_COLORS.primary },
    { label: 'Lewat jatuh tempo', value: receivables.overdueAmount, invoices: receivables.overdueInvoices, color: CHART_COLORS.danger },
  ]
  return (
    <ChartCard
      id="receivables"
      title="Piutang saat ini"
      summary={
        <p>
          <strong>{formatRupiah(receivables.amount)}</strong> dari {formatCount(receivables.invoices)} tagihan belum dibayar; {formatRupiah(receivables.overdueAmount)} lewat jatuh tempo.
        </p>
      }
      empty={receivables.invoices === 0 ? 'Tidak ada tagihan yang belum dibayar.' : undefined}
      tables={[{ caption: 'Piutang saat ini', columns: ['Kategori', 'Tagihan', 'Nilai'], rows: rows.map((row) => [row.label, formatCount(row.invoices), formatRupiah(row.value)]) }]}
    >
      <CategoryBarChart data={rows} name="Nilai" format={formatRupiah} formatTick={compactRupiah} />
    </ChartCard>
  )
}
