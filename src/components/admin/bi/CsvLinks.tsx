import { reportPath, type BiReportPath, type DashboardQuery } from '@/lib/bi/dashboardQuery'

const LINKS: { report: BiReportPath; label: string }[] = [
  { report: 'summary', label: 'Ringkasan' },
  { report: 'revenue', label: 'Pendapatan' },
  { report: 'users', label: 'Pengguna' },
  { report: 'projects', label: 'Proyek' },
  { report: 'forecast', label: 'Prakiraan' },
]

/** Each report's table as CSV for the range shown; the session cookie authorises the download. */
export function CsvLinks({ query }: { query: DashboardQuery }) {
  return (
    <nav className="jw-bi__csv" aria-label="Unduh CSV">
      <span>Unduh CSV:</span>
      {LINKS.map(({ report, label }) => (
        <a key={report} href={`/api${reportPath(report, query, 'csv')}`} download>
          {label} (CSV)
        </a>
      ))}
    </nav>
  )
}
