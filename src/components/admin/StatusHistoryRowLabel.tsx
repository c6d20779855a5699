'use client'

import { useRowLabel } from '@payloadcms/ui'

type HistoryRow = { from?: string; to?: string; at?: string; note?: string }

/** "review → completed · 22/11/2026 10.05" instead of "Status History 03". */
export function StatusHistoryRowLabel() {
  const { data, rowNumber } = useRowLabel<HistoryRow>()
  if (!data?.to) return <span>Riwayat {String((rowNumber ?? 0) + 1).padStart(2, '0')}</span>
  const when = data.at ? new Date(data.at).toLocaleString('id-ID', { dateStyle: 'short', timeStyle: 'short' }) : ''
  return (
    <span>
      {data.from} → {data.to}
      {when ? ` · ${when}` : ''}
      {data.note ? ` · ${data.note}` : ''}
    </span>
  )
}
