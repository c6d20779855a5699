'use client'

import { useCallback, useEffect, useState } from 'react'

import type { JobQueueStatus, JobState } from '../../../jobs/jobQueueStatus'
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

type ErrorAnswer = { errors?: { message: string }[] }
const messageOf = async (response: Response) => ((await response.json().catch(() => ({}))) as ErrorAnswer).errors?.[0]?.message ?? `Gagal (${response.status})`

/** Above the jobs list: jobs per queue and state, and the newest failures with retry and cancel. */
export function JobQueueSummary() {
  const [status, setStatus] = useState<JobQueueStatus>()
  const [problem, setProblem] = useState<string>()
  const load = useCallback(async () => {
    try {
      const response = await fetch('/api/admin/jobs/status', { credentials: 'include', cache: 'no-store' })
      if (!response.ok) return setProblem(await messageOf(response))
      setStatus((await response.json()) as JobQueueStatus)
      setProblem(undefined)
    } catch {
      setProblem('Tidak bisa menghubungi server.')
    }
  }, [])

  useEffect(() => {
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])

  async function act(id: number, action: 'retry' | 'cancel') {
    const response = await fetch(`/api/admin/jobs/${id}/${action}`, { method: 'POST', credentials: 'include' })
    setProblem(response.ok ? undefined : await messageOf(response))
    await load()
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
