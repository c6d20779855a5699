'use client'

import { useState } from 'react'

import { PRIORITIES } from '../../../realtime/protocol'
import type { RealtimeStatus } from '../../../realtime/realtimeStatus'
import { useRealtime } from '@/lib/realtime/useRealtime'
import { apiErrorMessage, UNREACHABLE } from './hooks/apiErrorMessage'
import { usePolledJson } from './hooks/usePolledJson'
import './admin.css'

const REFRESH_MS = 5_000
const time = new Intl.DateTimeFormat('id-ID', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Jakarta' })
const kib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** Polls the status endpoint (and on every live event) and acts through the admin endpoints. */
export function RealtimeConnectionsPanel() {
  const { data: status, problem, setProblem, reload: load } = usePolledJson<RealtimeStatus>('/api/admin/websocket/status', REFRESH_MS)
  const live = useRealtime({ onEvent: () => void load() })

  async function disconnect(id: string) {
    const response = await fetch(`/api/websocket/connections/${encodeURIComponent(id)}`, { method: 'DELETE', credentials: 'include' })
    if (!response.ok) setProblem(await apiErrorMessage(response))
    await load()
  }

  return (
    <div className="jw-live">
      <p className="jw-muted" role="status">
        Diperbarui tiap {REFRESH_MS / 1000} detik · koneksi Anda: {live.status}
        {status?.unreachable ? ' · sebagian instance tidak menjawab' : ''}
      </p>
      {problem ? <p className="jw-live__error">{problem}</p> : null}
      {status ? (
        <>
          <div className="jw-live__totals">
            <Stat label="Koneksi" value={status.totals.connections} />
            <Stat label="Pengguna berbeda" value={status.totals.users} />
            <Stat label="Pesan / menit" value={status.totals.messagesPerMinute} />
            <Stat label="Instance" value={status.totals.instances} />
          </div>

          <section>
            <h2>Instance</h2>
            <div className="jw-live__scroll">
              <table>
                <thead>
                  <tr>
                    <th>Instance</th>
                    <th>Mulai</th>
                    <th>Koneksi</th>
                    <th>Pengguna</th>
                    <th>Room</th>
                    <th>Pesan/menit</th>
                    <th>Ditolak</th>
                    <th>Memori</th>
                  </tr>
                </thead>
                <tbody>
                  {status.instances.map((instance) => (
                    <tr key={instance.instanceId}>
                      <td>{instance.instanceId}</td>
                      <td>{time.format(new Date(instance.startedAt))}</td>
                      <td>{instance.connections}</td>
                      <td>{instance.users}</td>
                      <td>
                        {instance.rooms} ({instance.projectRooms} proyek)
                      </td>
                      <td>{instance.messagesPerMinute}</td>
                      <td>{instance.refusedTotal}</td>
                      <td>{kib(instance.rssBytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section>
            <h2>Koneksi terbaru</h2>
            {status.connections.length === 0 ? (
              <p className="jw-muted">Tidak ada koneksi terbuka.</p>
            ) : (
              <div className="jw-live__scroll">
                <table>
                  <thead>
                    <tr>
                      <th>Pengguna</th>
                      <th>Peran</th>
                      <th>IP</th>
                      <th>Sejak</th>
                      <th>Room</th>
                      <th>Instance</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {status.connections.map((connection) => (
                      <tr key={connection.id}>
                        <td>{connection.email}</td>
                        <td>{connection.role}</td>
                        <td>{connection.ip}</td>
                        <td>{time.format(new Date(connection.connectedAt))}</td>
                        <td>{connection.rooms.join(', ')}</td>
                        <td>{connection.instanceId}</td>
                        <td>
                          <button type="button" className="jw-link" onClick={() => void disconnect(connection.id)} aria-label={`Putuskan ${connection.email}`}>
                            Putuskan
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : !problem ? (
        <p className="jw-muted">Memuat…</p>
      ) : null}
      <BroadcastForm />
    </div>
  )
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="jw-live__stat">
      <strong>{value}</strong>
      {label}
    </div>
  )
}

/** An announcement published now, to everyone, clients or admins. */
function BroadcastForm() {
  const [result, setResult] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)

  async function send(form: HTMLFormElement) {
    setBusy(true)
    const data = Object.fromEntries(new FormData(form))
    const response = await fetch('/api/websocket/broadcast', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) }).catch(() => undefined)
    if (response?.ok) form.reset()
    setResult(response?.ok ? { ok: true, text: 'Pengumuman terkirim.' } : { ok: false, text: response ? await apiErrorMessage(response) : UNREACHABLE })
    setBusy(false)
  }

  return (
    <section>
      <h2>Siarkan pengumuman</h2>
      <form
        className="jw-live__form"
        onSubmit={(event) => {
          event.preventDefault()
          void send(event.currentTarget)
        }}
      >
        <label>
          Judul
          <input name="title" required maxLength={200} />
        </label>
        <label>
          Isi
          <textarea name="body" required maxLength={4000} rows={3} />
        </label>
        <div className="jw-live__row">
          <label>
            Prioritas
            <select name="priority" defaultValue="medium">
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {priority}
                </option>
              ))}
            </select>
          </label>
          <label>
            Penerima
            <select name="audience" defaultValue="all">
              <option value="all">Semua</option>
              <option value="clients">Klien</option>
              <option value="admins">Admin</option>
            </select>
          </label>
        </div>
        <div>
          <button type="submit" className="btn btn--style-primary btn--size-small" disabled={busy}>
            Kirim
          </button>
        </div>
        {result ? (
          <p role="status" className={result.ok ? '' : 'jw-live__error'}>
            {result.text}
          </p>
        ) : null}
      </form>
    </section>
  )
}
