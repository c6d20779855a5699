'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Answer = { state?: string; errors?: { message: string }[] }

/** Sidebar of a job: run it again (after a failure or a cancel) or cancel it. */
export function JobActions() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id) return null

  async function act(action: 'retry' | 'cancel') {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`/api/admin/jobs/${id}/${action}`, { method: 'POST', credentials: 'include' })
      const answer = (await response.json()) as Answer
      setMessage(response.ok ? (action === 'retry' ? 'Tugas dijadwalkan ulang.' : 'Tugas dibatalkan.') : (answer.errors?.[0]?.message ?? `Gagal (${response.status})`))
      if (response.ok) router.refresh()
    } catch {
      setMessage('Tidak bisa menghubungi server.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginBottom: 24, display: 'grid', gap: 8 }}>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void act('retry')}>
        Coba ulang
      </Button>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void act('cancel')}>
        Batalkan tugas
      </Button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
