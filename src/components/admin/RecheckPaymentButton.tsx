'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'

import { useDocumentAction } from './hooks/useDocumentAction'

type RecheckAnswer = { status: string; result: string }

/** Sidebar action on an invoice: ask Midtrans for the newest attempt's status and apply it. */
export function RecheckPaymentButton() {
  const { id } = useDocumentInfo()
  const { run, busy, message } = useDocumentAction<RecheckAnswer>()
  if (!id) return null

  return (
    <div style={{ marginBottom: 24 }}>
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={() => void run(`/api/invoices/${id}/recheck-payment`, (answer) => `Midtrans: ${answer.status} — ${answer.result}`)}
      >
        Periksa ulang status di Midtrans
      </Button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
