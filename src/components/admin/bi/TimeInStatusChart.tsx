import { formatCount, formatDays } from '@/lib/bi/formatBi'
import { PROJECT_STATUS_LABELS } from '@/lib/portal/labels'
import type { ProjectsReport } from '@/lib/bi/reportTypes'
import { CategoryBarChart } from './CategoryBarChart'
import { ChartCard } from './ChartCard'

const label = (status: string) => PROJECT_STATUS_LABELS[status as keyof typeof PROJECT_STATUS_LABELS] ?? status

/** The average stay in each status, for stays that began in the range (an ongoing one counts up to now). */
export function TimeInStatusChart({ stays }: { stays: ProjectsReport['timeInStatus'] }) {
  const measured = stays.filter((stay) => stay.averageDays !== null)
  return (
    <ChartCard
      id="time-in-status"
      title="Rata-rata waktu di tiap status"
      summary={<p>Dari perpindahan status yang dimulai pada rentang ini; yang masih berlangsung dihitung sampai sekarang.</p>}
      empty={measured.length === 0 ? 'Tidak ada perpindahan status pada rentang ini.' : undefined}
      tables={[
        {
          caption: 'Rata-rata waktu di tiap status',
          columns: ['Status', 'Jumlah masa', 'Masih berlangsung', 'Rata-rata'],
          rows: stays.map((stay) => [label(stay.status), formatCount(stay.stays), formatCount(stay.ongoing), formatDays(stay.averageDays)]),
        },
      ]}
    >
      <CategoryBarChart data={measured.map((stay) => ({ label: label(stay.status), value: stay.averageDays ?? 0 }))} name="Rata-rata" format={(days) => formatDays(days)} formatTick={(days) => formatCount(days)} />
    </ChartCard>
  )
}
