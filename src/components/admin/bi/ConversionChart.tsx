import { formatCount, formatPercent } from '@/lib/bi/formatBi'
import type { UsersReport } from '@/lib/bi/reportTypes'
import { CategoryBarChart } from './CategoryBarChart'
import { ChartCard } from './ChartCard'
import { CHART_COLORS } from './chartTheme'

/** Clients who registered in the range, and how many of them have paid since. */
export function ConversionChart({ conversion }: { conversion: UsersReport['conversion'] }) {
  const rows = [
    { label: 'Mendaftar', value: conversion.registered, color: CHART_COLORS.primary },
    { label: 'Sudah membayar', value: conversion.paying, color: CHART_COLORS.secondary },
  ]
  return (
    <ChartCard
      id="conversion"
      title="Konversi klien"
      summary={
        <p>
          <strong>{formatPercent(conversion.rate)}</strong> klien yang mendaftar pada rentang ini sudah membayar tagihan.
        </p>
      }
      empty={conversion.registered === 0 ? 'Tidak ada klien yang mendaftar pada rentang ini.' : undefined}
      tables={[{ caption: 'Konversi klien', columns: ['Klien', 'Jumlah'], rows: [...rows.map((row) => [row.label, formatCount(row.value)]), ['Konversi', formatPercent(conversion.rate)]] }]}
    >
      <CategoryBarChart data={rows} name="Klien" format={formatCount} />
    </ChartCard>
  )
}
