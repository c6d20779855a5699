'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type RecheckAnswer = { status?: string; result?: string; errors?: { message: string }[] }

/** Sidebar action on an invoice: ask Midtrans for the newest attempt's status and apply it. */
export function RecheckPaymentButton() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id) return null

  async function recheck() {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`/api/invoices/${id}/recheck-payment`, { method: 'POST', credentials: 'include' })
      const answer = (await response.json()) as RecheckAnswer
      setMessage(response.ok ? `Midtrans: ${answer.status} — ${answer.result}` : (answer.errors?.[0]?.message ?? `Gagal (${response.status})`))
      if (response.ok) router.refresh()
    } catch {
      setMessage('Tidak bisa menghubungi server.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginBottom: 24 }}>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={recheck}>
        Periksa ulang status di Midtrans
      </Button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
