import Link from 'next/link'
import { notFound } from 'next/navigation'

import { PrintButton } from '@/components/portal/PrintButton'
import { formatRupiah } from '@/lib/formatRupiah'
import { PROJECT_TYPE_LABELS } from '@/lib/portal/labels'
import { findInvoice } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

type Params = { params: Promise<{ id: string }> }
const toId = (raw: string) => (/^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : undefined)
const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' })

export const metadata = { title: 'Kwitansi' }

/** A printable receipt (the browser's "Save as PDF" makes the PDF). Paid invoices only. */
export default async function ReceiptPage({ params }: Params) {
  const { id: raw } = await params
  const viewer = await requireClient()
  const id = toId(raw)
  const invoice = id ? await findInvoice(viewer, id) : null
  if (!invoice || invoice.status !== 'paid') notFound()
  const project = typeof invoice.project === 'object' ? invoice.project : undefined
  const paidAttempt = (invoice.paymentAttempts ?? []).find((attempt) => attempt.midtransStatus === 'settlement')

  return (
    <>
      <p className="breadcrumb no-print">
        <Link href={`/portal/tagihan/${invoice.id}`}>← Tagihan {invoice.number}</Link>
      </p>
      <article className="receipt card">
        <header className="receipt__head">
          <div>
            <p className="receipt__brand">
              Jasa<span>Web</span>
            </p>
            <p className="muted">Jasa pembuatan website sekolah, berita &amp; company profile</p>
          </div>
          <div className="receipt__stamp">LUNAS</div>
        </header>
        <h1>Kwitansi Pembayaran</h1>
        <dl className="facts">
          <div>
            <dt>Nomor tagihan</dt>
            <dd>{invoice.number}</dd>
          </div>
          <div>
            <dt>Diterima dari</dt>
            <dd>
              {viewer.user.name} ({viewer.user.email})
            </dd>
          </div>
          <div>
            <dt>Untuk</dt>
            <dd>{project ? `${PROJECT_TYPE_LABELS[project.type]} — ${project.name}` : '-'}</dd>
          </div>
          <div>
            <dt>Tanggal bayar</dt>
            <dd>{invoice.paidAt ? `${dateTime.format(new Date(invoice.paidAt))} WIB` : '-'}</dd>
          </div>
          <div>
            <dt>Metode</dt>
            <dd>QRIS (Midtrans){paidAttempt ? ` · ${paidAttempt.orderId}` : ''}</dd>
          </div>
        </dl>
        <p className="receipt__total">
          Jumlah dibayar <strong>{formatRupiah(invoice.amount)}</strong>
        </p>
        <p className="muted">Kwitansi ini sah tanpa tanda tangan karena diterbitkan secara elektronik.</p>
      </article>
      <div className="button-row no-print">
        <PrintButton />
      </div>
    </>
  )
}
