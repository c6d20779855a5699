'use client'

import Link from 'next/link'

import { defaultQuery, reportPath } from '@/lib/bi/dashboardQuery'
import type { SummaryReport } from '@/lib/bi/reportTypes'
import { useLiveRefresh } from '@/lib/bi/useLiveRefresh'
import { usePolledJson } from '../hooks/usePolledJson'
import { BiHeadline } from './BiHeadline'
import '../admin.css'

/** The BI cache's own bound on staleness: a change on another instance shows up within it. */
const REFRESH_MS = 5 * 60_000

/** The summary of the last twelve months (the BI view's default range), refreshed when a payment lands. */
export function BiSummaryWidget() {
  const { data: summary, problem, reload } = usePolledJson<SummaryReport>(`/api${reportPath('summary', defaultQuery())}`, REFRESH_MS)
  useLiveRefresh(reload)

  return (
    <section className="jw-bi jw-bi__widget" aria-labelledby="jw-bi-widget-title">
      <div className="jw-bi__widget-head">
        <h2 id="jw-bi-widget-title">Ringkasan bisnis · 12 bulan terakhir</h2>
        <Link href="/admin/bi">Lihat analitik lengkap →</Link>
      </div>
      {problem ? <p className="jw-live__error">{problem}</p> : summary ? <BiHeadline summary={summary} /> : <p className="jw-muted">Memuat…</p>}
    </section>
  )
}
