'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { apiRequest, ApiError } from '@/lib/portal/apiRequest'

/** In review: the client approves the site, or asks for a revision with a note. */
export function ReviewActions({ projectId }: { projectId: number }) {
  const router = useRouter()
  const [mode, setMode] = useState<'idle' | 'revision'>('idle')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [noteError, setNoteError] = useState<string>()

  async function send(body: { action: 'approve' } | { action: 'request_revision'; note: string }) {
    setBusy(true)
    setError(undefined)
    try {
      await apiRequest(`/projects/${projectId}/review`, { method: 'POST', body })
      router.refresh()
    } catch (problem) {
      setError(problem instanceof ApiError ? problem.message : 'Terjadi kesalahan. Coba lagi.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card review-card" aria-labelledby="review-heading">
      <h2 id="review-heading">Website Anda siap ditinjau</h2>
      <p>Periksa hasilnya. Setujui bila sudah sesuai, atau minta revisi dan jelaskan apa yang perlu diubah.</p>
      {mode === 'idle' ? (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void send({ action: 'approve' })}>
            {busy ? 'Menyimpan…' : 'Setujui'}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setMode('revision')}>
            Minta revisi
          </button>
        </div>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            const trimmed = note.trim()
            if (trimmed.length < 3) return setNoteError('Jelaskan revisi yang Anda butuhkan (minimal 3 karakter).')
            setNoteError(undefined)
            void send({ action: 'request_revision', note: trimmed })
          }}
        >
          <div className="field">
            <label htmlFor="revision-note">Apa yang perlu diubah?</label>
            <textarea
              id="revision-note"
              name="note"
              rows={4}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? 'revision-note-error' : undefined}
            />
            {noteError ? (
              <p className="field__error" id="revision-note-error">
                {noteError}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Mengirim…' : 'Kirim permintaan revisi'}
            </button>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => setMode('idle')}>
              Batal
            </button>
          </div>
        </form>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
