import Link from 'next/link'
import { notFound } from 'next/navigation'

import { PayInvoice } from '@/components/portal/PayInvoice'
import { StatusBadge } from '@/components/portal/StatusBadge'
import { formatDate } from '@/lib/formatDate'
import { formatRupiah } from '@/lib/formatRupiah'
import { INVOICE_STATUS_LABELS, INVOICE_STATUS_TONES } from '@/lib/portal/labels'
import { findInvoice } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

type Params = { params: Promise<{ id: string }> }
const toId = (raw: string) => (/^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : undefined)

export async function generateMetadata({ params }: Params) {
  return { title: `Tagihan #${(await params).id}` }
}

export default async function InvoicePage({ params }: Params) {
  const { id: raw } = await params
  const viewer = await requireClient()
  const id = toId(raw)
  const invoice = id ? await findInvoice(viewer, id) : null
  if (!invoice) notFound()
  const project = typeof invoice.project === 'object' ? invoice.project : undefined
  const now = Date.now()
  const hasPendingAttempt = (invoice.paymentAttempts ?? []).some((a) => a.midtransStatus === 'pending' && a.expiresAt && new Date(a.expiresAt).getTime() > now)

  return (
    <>
      <p className="breadcrumb">
        <Link href="/portal/tagihan">← Tagihan</Link>
      </p>
      <div className="title-row">
        <h1 className="portal__title">Tagihan {invoice.number}</h1>
        <StatusBadge label={INVOICE_STATUS_LABELS[invoice.status]} tone={INVOICE_STATUS_TONES[invoice.status]} />
      </div>
      <div className="portal-columns">
        <section className="card" aria-labelledby="detail-heading">
          <h2 id="detail-heading">Rincian</h2>
          <dl className="facts">
            <div>
              <dt>Proyek</dt>
              <dd>{project ? <Link href={`/portal/proyek/${project.id}`}>{project.name}</Link> : '-'}</dd>
            </div>
            <div>
              <dt>Jumlah</dt>
              <dd>
                <strong>{formatRupiah(invoice.amount)}</strong>
              </dd>
            </div>
            <div>
              <dt>Diterbitkan</dt>
              <dd>{formatDate(invoice.createdAt)}</dd>
            </div>
            <div>
              <dt>Jatuh tempo</dt>
              <dd>{formatDate(invoice.dueDate)}</dd>
            </div>
            {invoice.paidAt ? (
              <div>
                <dt>Dibayar</dt>
                <dd>{formatDate(invoice.paidAt)}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        <PayInvoice invoiceId={invoice.id} invoiceNumber={invoice.number ?? String(invoice.id)} amount={invoice.amount} status={invoice.status} hasPendingAttempt={hasPendingAttempt} />
      </div>
    </>
  )
}
