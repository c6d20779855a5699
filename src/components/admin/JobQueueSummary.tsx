'use client'

import type { JobQueueStatus, JobState } from '../../../jobs/jobQueueStatus'
import { apiErrorMessage } from './hooks/apiErrorMessage'
import { usePolledJson } from './hooks/usePolledJson'
import './admin.css'

const REFRESH_MS = 10_000
const STATE_LABELS: Record<JobState, string> = {
  waiting: 'Menunggu',
  scheduled: 'Terjadwal',
  running: 'Berjalan',
  failed: 'Gagal',
  cancelled: 'Dibatalkan',
  completed: 'Selesai',
}
const QUEUE_LABELS: Record<string, string> = { payments: 'Pembayaran (prioritas)', default: 'Umum', reports: 'Laporan' }
const time = new Intl.DateTimeFormat('id-ID', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Jakarta' })

/** Above the jobs list: jobs per queue and state, and the newest failures with retry and cancel. */
export function JobQueueSummary() {
  const { data: status, problem, setProblem, reload } = usePolledJson<JobQueueStatus>('/api/admin/jobs/status', REFRESH_MS)

  async function act(id: number, action: 'retry' | 'cancel') {
    const response = await fetch(`/api/admin/jobs/${id}/${action}`, { method: 'POST', credentials: 'include' })
    setProblem(response.ok ? undefined : await apiErrorMessage(response))
    await reload()
  }

  const states = Object.keys(STATE_LABELS) as JobState[]
  return (
    <section className="jw-live jw-jobs" aria-label="Ringkasan antrean tugas">
      {problem ? <p className="jw-live__error">{problem}</p> : null}
      {status ? (
        <>
          <div className="jw-live__scroll">
            <table>
              <thead>
                <tr>
                  <th>Antrean</th>
                  {states.map((state) => (
                    <th key={state}>{STATE_LABELS[state]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(status.queues).map(([queue, counts]) => (
                  <tr key={queue}>
                    <td>{QUEUE_LABELS[queue] ?? queue}</td>
                    {states.map((state) => (
                      <td key={state}>{counts[state]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {status.failedRecently.length > 0 ? (
            <div className="jw-live__scroll">
              <h3>Gagal terbaru</h3>
              <table>
                <thead>
                  <tr>
                    <th>Tugas</th>
                    <th>Antrean</th>
                    <th>Percobaan</th>
                    <th>Galat</th>
                    <th>Waktu</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {status.failedRecently.map((job) => (
                    <tr key={job.id}>
                      <td>
                        <a href={`/admin/collections/payload-jobs/${job.id}`}>
                          #{job.id} {job.task}
                        </a>
                      </td>
                      <td>{QUEUE_LABELS[job.queue] ?? job.queue}</td>
                      <td>{job.tries}</td>
                      <td>{job.error}</td>
                      <td>{time.format(new Date(job.failedAt))}</td>
                      <td>
                        <div className="jw-live__row">
                          <button type="button" className="jw-link" onClick={() => void act(job.id, 'retry')} aria-label={`Coba ulang tugas ${job.id}`}>
                            Coba ulang
                          </button>
                          <button type="button" className="jw-link" onClick={() => void act(job.id, 'cancel')} aria-label={`Batalkan tugas ${job.id}`}>
                            Batalkan
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="jw-muted">Tidak ada tugas gagal.</p>
          )}
        </>
      ) : !problem ? (
        <p className="jw-muted">Memuat…</p>
      ) : null}
    </section>
  )
}
