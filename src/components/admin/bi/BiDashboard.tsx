'use client'

import { useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'

import { GRANULARITY_LABELS, queryFromSearch, searchFromQuery, type DashboardQuery } from '@/lib/bi/dashboardQuery'
import { formatDate } from '@/lib/formatDate'
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from '@/lib/portal/labels'
import { useBiReports } from '@/lib/bi/useBiReports'
import { useLiveRefresh } from '@/lib/bi/useLiveRefresh'
import { BiHeadline } from './BiHeadline'
import { BiRangePicker } from './BiRangePicker'
import { ConversionChart } from './ConversionChart'
import { CsvLinks } from './CsvLinks'
import { NewProjectsChart } from './NewProjectsChart'
import { ProjectCountsChart } from './ProjectCountsChart'
import { ReceivablesChart } from './ReceivablesChart'
import { RevenueChart } from './RevenueChart'
import { TimeInStatusChart } from './TimeInStatusChart'
import { TopTiersChart } from './TopTiersChart'
import { UserGrowthChart } from './UserGrowthChart'
import '../admin.css'

const clock = new Intl.DateTimeFormat('id-ID', { timeStyle: 'medium', timeZone: 'Asia/Jakarta' })
const CONNECTION_LABELS: Record<string, string> = { connected: 'tersambung', connecting: 'menyambung…', reconnecting: 'menyambung ulang…', offline: 'terputus', signed_out: 'sesi berakhir' }

/**
 * /admin/bi's content: the range (kept in the address bar), the headline figures, a chart per
 * figure of the BI reports, CSV downloads, and a refresh whenever a payment lands.
 */
export function BiDashboard() {
  const search = useSearchParams()
  const query = useMemo(() => queryFromSearch(new URLSearchParams(search.toString())), [search])
  const { reports, error, loading, updatedAt, reload } = useBiReports(query)
  const live = useLiveRefresh(reload)

  // Next's router follows history.pushState (useSearchParams updates) without a server round trip.
  const apply = useCallback((next: DashboardQuery) => window.history.pushState(null, '', `?${searchFromQuery(next)}`), [])

  return (
    <div className="jw-bi">
      <BiRangePicker query={query} onApply={apply} />
      <p className="jw-muted jw-bi__status" role="status">
        {formatDate(`${query.from}T12:00:00Z`)} – {formatDate(`${query.to}T12:00:00Z`)} · {GRANULARITY_LABELS[query.granularity] ?? query.granularity}
        {' · '}koneksi langsung: {CONNECTION_LABELS[live.status] ?? live.status}
        {loading ? ' · memuat…' : updatedAt ? ` · data pukul ${clock.format(updatedAt)} WIB` : ''}
        {live.refreshedAt ? (
          <span className="jw-bi__live" key={live.refreshedAt.getTime()}>
            Diperbarui otomatis pukul {clock.format(live.refreshedAt)} WIB (pembayaran atau proyek berubah)
          </span>
        ) : null}
      </p>
      <CsvLinks query={query} />
      {error ? (
        <div className="jw-bi__error" role="alert">
          <strong>Data tidak dapat dimuat.</strong> {error}
        </div>
      ) : null}
      {!reports && loading ? <p className="jw-muted">Memuat data…</p> : null}
      {reports ? (
        <>
          <BiHeadline summary={reports.summary} />
          <div className="jw-bi__grid" aria-busy={loading}>
            <RevenueChart revenue={reports.revenue} forecast={reports.forecast} granularity={query.granularity} />
            <ReceivablesChart receivables={reports.revenue.receivables} />
            <TopTiersChart tiers={reports.summary.topPricingTiers} />
            <UserGrowthChart users={reports.users} granularity={query.granularity} />
            <ConversionChart conversion={reports.users.conversion} />
            <ProjectCountsChart id="projects-by-status" title="Proyek per status" dimension="Status" counts={reports.projects.byStatus} labels={PROJECT_STATUS_LABELS} />
            <ProjectCountsChart id="projects-by-type" title="Proyek per jenis" dimension="Jenis" counts={reports.projects.byType} labels={PROJECT_TYPE_LABELS} />
            <NewProjectsChart series={reports.projects.series} granularity={query.granularity} />
            <TimeInStatusChart stays={reports.projects.timeInStatus} />
          </div>
        </>
      ) : null}
    </div>
  )
}
