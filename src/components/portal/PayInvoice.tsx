'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

import { apiRequest, ApiError } from '@/lib/portal/apiRequest'
import { formatRupiah } from '@/lib/formatRupiah'

import type { PaymentAttemptView } from '../../../payments/startInvoicePayment'
import { useLive } from './LiveUpdates'

type Props = { invoiceId: number; invoiceNumber: string; amount: number; status: string; hasPendingAttempt: boolean }

function remaining(expiresAt: string, now: number): number {
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000))
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * "Bayar": asks the server for the invoice's QRIS (a new charge, or the pending one still
 * valid), shows it with the amount and a countdown, and turns to "Lunas" when the payment
 * lands — pushed over the socket, with a slow poll as the fallback while offline.
 */
export function PayInvoice({ invoiceId, invoiceNumber, amount, status, hasPendingAttempt }: Props) {
  const router = useRouter()
  const live = useLive()
  const [attempt, setAttempt] = useState<PaymentAttemptView>()
  const [busy, setBusy] = useState<'pay' | 'simulate'>()
  const [error, setError] = useState<string>()
  const [now, setNow] = useState(() => Date.now())
  const paid = status === 'paid'

  useEffect(() => {
    if (!attempt || paid) return
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [attempt, paid])

  // Without the live connection, ask every 5 s whether the payment has landed.
  useEffect(() => {
    if (!attempt || paid || live.status === 'connected') return
    const timer = setInterval(() => {
      void apiRequest<{ status: string }>(`/invoices/${invoiceId}?depth=0`)
        .then((invoice) => invoice.status === 'paid' && router.refresh())
        .catch(() => undefined)
    }, 5_000)
    return () => clearInterval(timer)
  }, [attempt, paid, live.status, invoiceId, router])

  async function pay() {
    setBusy('pay')
    setError(undefined)
    try {
      setAttempt(await apiRequest<PaymentAttemptView>(`/invoices/${invoiceId}/pay`, { method: 'POST' }))
      setNow(Date.now())
    } catch (problem) {
      setError(problem instanceof ApiError ? problem.message : 'Terjadi kesalahan. Coba lagi.')
    } finally {
      setBusy(undefined)
    }
  }

  async function simulate() {
    setBusy('simulate')
    setError(undefined)
    try {
      await apiRequest(`/invoices/${invoiceId}/simulate-payment`, { method: 'POST' })
      router.refresh()
    } catch (problem) {
      setError(problem instanceof ApiError ? problem.message : 'Simulasi gagal. Coba lagi.')
    } finally {
      setBusy(undefined)
    }
  }

  if (paid) {
    return (
      <section className="card pay-card pay-card--paid" aria-live="polite">
        <p className="pay-card__paid-mark" aria-hidden="true">
          ✓
        </p>
        <h2>Pembayaran diterima</h2>
        <p>
          Tagihan {invoiceNumber} sebesar <strong>{formatRupiah(amount)}</strong> sudah lunas. Terima kasih!
        </p>
        <a className="button button--secondary" href={`/portal/tagihan/${invoiceId}/kwitansi`}>
          Lihat kwitansi
        </a>
      </section>
    )
  }

  if (status !== 'unpaid') return null
  const secondsLeft = attempt ? remaining(attempt.expiresAt, now) : 0
  const expired = attempt !== undefined && secondsLeft === 0

  return (
    <section className="card pay-card" aria-labelledby="pay-heading" aria-live="polite">
      <h2 id="pay-heading">Bayar dengan QRIS</h2>
      {!attempt ? (
        <>
          <p>Pindai kode QRIS dengan aplikasi bank atau dompet digital apa pun (GoPay, OVO, DANA, ShopeePay, m-banking).</p>
          <p className="pay-card__amount">{formatRupiah(amount)}</p>
          <button type="button" className="button button--primary button--block" onClick={() => void pay()} disabled={busy !== undefined}>
            {busy === 'pay' ? 'Menyiapkan QRIS…' : hasPendingAttempt ? 'Tampilkan QRIS' : 'Bayar'}
          </button>
        </>
      ) : expired ? (
        <>
          <p>Kode QRIS ini sudah kedaluwarsa. Buat kode baru untuk melanjutkan pembayaran.</p>
          <button type="button" className="button button--primary button--block" onClick={() => void pay()} disabled={busy !== undefined}>
            {busy === 'pay' ? 'Menyiapkan QRIS…' : 'Buat QRIS baru'}
          </button>
        </>
      ) : (
        <>
          <img className="pay-card__qr" src={attempt.qrImage} alt={`Kode QRIS untuk tagihan ${attempt.invoiceNumber}`} width={260} height={260} />
          <p className="pay-card__amount">{formatRupiah(attempt.amount)}</p>
          <p className="pay-card__timer">
            Berlaku <strong>{clock(secondsLeft)}</strong> lagi
          </p>
          <p className="pay-card__hint">Halaman ini berubah otomatis begitu pembayaran kami terima.</p>
          {attempt.simulated ? (
            <div className="demo-box">
              <p>
                <strong>Mode demo:</strong> tidak ada Midtrans sungguhan. Tekan tombol ini untuk berpura-pura sudah memindai dan membayar.
              </p>
              <button type="button" className="button button--secondary button--block" onClick={() => void simulate()} disabled={busy !== undefined}>
                {busy === 'simulate' ? 'Mengirim pembayaran…' : 'Simulasikan pembayaran'}
              </button>
            </div>
          ) : null}
        </>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
