'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'

import { useDocumentAction } from './hooks/useDocumentAction'

/** Sidebar of a job: run it again (after a failure or a cancel) or cancel it. */
export function JobActions() {
  const { id } = useDocumentInfo()
  const { run, busy, message } = useDocumentAction<{ state: string }>()
  if (!id) return null

  return (
    <div style={{ marginBottom: 24, display: 'grid', gap: 8 }}>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void run(`/api/admin/jobs/${id}/retry`, () => 'Tugas dijadwalkan ulang.')}>
        Coba ulang
      </Button>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void run(`/api/admin/jobs/${id}/cancel`, () => 'Tugas dibatalkan.')}>
        Batalkan tugas
      </Button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
