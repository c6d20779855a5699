import type { Granularity } from '../../../../bi/biParams'
import { formatCount, periodLabel } from '@/lib/bi/formatBi'
import type { ProjectsReport } from '@/lib/bi/reportTypes'
import { ChartCard } from './ChartCard'
import { PeriodBarChart } from './PeriodBarChart'

/** Projects created per period of the range. */
export function NewProjectsChart({ series, granularity }: { series: ProjectsReport['series']; granularity: Granularity }) {
  const total = series.reduce((sum, point) => sum + point.created, 0)
  return (
    <ChartCard
      id="new-projects"
      title="Proyek baru per periode"
      summary={<p>{formatCount(total)} proyek baru pada rentang ini.</p>}
      empty={total === 0 ? 'Tidak ada proyek baru pada rentang ini.' : undefined}
      tables={[{ caption: 'Proyek baru per periode', columns: ['Periode', 'Proyek baru'], rows: series.map((point) => [periodLabel(point.period, granularity), formatCount(point.created)]) }]}
    >
      <PeriodBarChart data={series.map((point) => ({ period: point.period, value: point.created }))} granularity={granularity} name="Proyek baru" format={formatCount} />
    </ChartCard>
  )
}
