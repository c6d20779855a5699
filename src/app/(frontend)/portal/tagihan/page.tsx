import Link from 'next/link'

import { StatusBadge } from '@/components/portal/StatusBadge'
import { formatDate } from '@/lib/formatDate'
import { formatRupiah } from '@/lib/formatRupiah'
import { INVOICE_STATUS_LABELS, INVOICE_STATUS_TONES } from '@/lib/portal/labels'
import { listInvoices } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

import type { Invoice } from '../../../../../payload-types'

export const metadata = { title: 'Tagihan' }

function InvoiceTable({ invoices, caption }: { invoices: Invoice[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nomor</th>
            <th scope="col">Proyek</th>
            <th scope="col">Jumlah</th>
            <th scope="col">Jatuh tempo</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Aksi</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td data-label="Nomor">
                <Link href={`/portal/tagihan/${invoice.id}`}>{invoice.number}</Link>
              </td>
              <td data-label="Proyek">{typeof invoice.project === 'object' ? invoice.project.name : ''}</td>
              <td data-label="Jumlah">{formatRupiah(invoice.amount)}</td>
              <td data-label="Jatuh tempo">{formatDate(invoice.dueDate)}</td>
              <td data-label="Status">
                <StatusBadge label={INVOICE_STATUS_LABELS[invoice.status]} tone={INVOICE_STATUS_TONES[invoice.status]} />
              </td>
              <td>
                {invoice.status === 'unpaid' ? (
                  <Link className="button button--primary button--small" href={`/portal/tagihan/${invoice.id}`}>
                    Bayar
                  </Link>
                ) : invoice.status === 'paid' ? (
                  <Link className="button button--secondary button--small" href={`/portal/tagihan/${invoice.id}/kwitansi`}>
                    Kwitansi
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default async function InvoicesPage() {
  const viewer = await requireClient()
  const invoices = await listInvoices(viewer)
  const open = invoices.filter((invoice) => invoice.status === 'unpaid')
  const closed = invoices.filter((invoice) => invoice.status !== 'unpaid')
  return (
    <>
      <h1 className="portal__title">Tagihan</h1>
      <section className="portal-section" aria-labelledby="open-heading">
        <h2 id="open-heading">Belum dibayar</h2>
        {open.length === 0 ? (
          <p className="empty-state">Tidak ada tagihan yang menunggu pembayaran.</p>
        ) : (
          <>
            <p className="owed">
              Total <strong>{formatRupiah(open.reduce((sum, invoice) => sum + invoice.amount, 0))}</strong>
            </p>
            <InvoiceTable invoices={open} caption="Tagihan yang belum dibayar" />
          </>
        )}
      </section>
      <section className="portal-section" aria-labelledby="closed-heading">
        <h2 id="closed-heading">Riwayat</h2>
        {closed.length === 0 ? <p className="empty-state">Belum ada tagihan yang lunas.</p> : <InvoiceTable invoices={closed} caption="Riwayat tagihan" />}
      </section>
    </>
  )
}
