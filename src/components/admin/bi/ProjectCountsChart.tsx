import { formatCount } from '@/lib/bi/formatBi'
import { CategoryBarChart } from './CategoryBarChart'
import { ChartCard } from './ChartCard'

type ProjectCountsChartProps = {
  id: string
  title: string
  /** The table's first column: "Status", "Jenis". */
  dimension: string
  counts: Record<string, number>
  labels: Record<string, string>
}

/** Projects as they stand now, counted by one dimension (status or type). */
export function ProjectCountsChart({ id, title, dimension, counts, labels }: ProjectCountsChartProps) {
  const rows = Object.entries(counts).map(([key, value]) => ({ label: labels[key] ?? key, value }))
  const total = rows.reduce((sum, row) => sum + row.value, 0)
  return (
    <ChartCard
      id={id}
      title={title}
      summary={<p>{formatCount(total)} proyek saat ini.</p>}
      empty={total === 0 ? 'Belum ada proyek.' : undefined}
      tables={[{ caption: title, columns: [dimension, 'Proyek'], rows: rows.map((row) => [row.label, formatCount(row.value)]) }]}
    >
      <CategoryBarChart data={rows} name="Proyek" format={formatCount} />
    </ChartCard>
  )
}
