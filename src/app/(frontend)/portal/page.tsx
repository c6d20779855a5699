import Link from 'next/link'

import { StatusBadge } from '@/components/portal/StatusBadge'
import { formatDate } from '@/lib/formatDate'
import { formatRupiah } from '@/lib/formatRupiah'
import { INVOICE_STATUS_LABELS, INVOICE_STATUS_TONES, PROJECT_STATUS_LABELS, PROJECT_STATUS_TONES } from '@/lib/portal/labels'
import { listInvoices, listNotifications, listProjects } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

import { PROJECT_STATUSES } from '../../../../projects/statusFlow'

export const metadata = { title: 'Dasbor' }

export default async function PortalDashboard() {
  const viewer = await requireClient()
  const [projects, invoices, inbox] = await Promise.all([listProjects(viewer), listInvoices(viewer), listNotifications(viewer, 5)])
  const unpaid = invoices.filter((invoice) => invoice.status === 'unpaid')
  const owed = unpaid.reduce((sum, invoice) => sum + invoice.amount, 0)

  return (
    <>
      <h1 className="portal__title">Dasbor</h1>
      <section aria-labelledby="projects-by-status" className="portal-section">
        <h2 id="projects-by-status">Proyek menurut status</h2>
        <ul className="stat-grid">
          {PROJECT_STATUSES.map((status) => (
            <li key={status} className="stat">
              <span className="stat__value">{projects.filter((project) => project.status === status).length}</span>
              <span className="stat__label">{PROJECT_STATUS_LABELS[status]}</span>
            </li>
          ))}
        </ul>
      </section>

      <div className="portal-columns">
        <section aria-labelledby="unpaid-heading" className="card">
          <h2 id="unpaid-heading">Tagihan belum dibayar</h2>
          {unpaid.length === 0 ? (
            <p className="muted">Tidak ada tagihan yang menunggu. 🎉</p>
          ) : (
            <>
              <p className="owed">
                Total <strong>{formatRupiah(owed)}</strong> dari {unpaid.length} tagihan
              </p>
              <ul className="row-list">
                {unpaid.map((invoice) => (
                  <li key={invoice.id}>
                    <Link href={`/portal/tagihan/${invoice.id}`}>{invoice.number}</Link>
                    <span>{formatRupiah(invoice.amount)}</span>
                    <span className="muted">jatuh tempo {formatDate(invoice.dueDate)}</span>
                    <StatusBadge label={INVOICE_STATUS_LABELS[invoice.status]} tone={INVOICE_STATUS_TONES[invoice.status]} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="latest-heading" className="card">
          <h2 id="latest-heading">Kabar terbaru</h2>
          {inbox.docs.length === 0 ? (
            <p className="muted">Belum ada notifikasi.</p>
          ) : (
            <ul className="row-list">
              {inbox.docs.map((item) => (
                <li key={item.id} className={item.read ? '' : 'is-unread'}>
                  <span>{item.title}</span>
                  <span className="muted">{formatDate(item.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/portal/notifikasi">Semua notifikasi →</Link>
        </section>
      </div>

      <section aria-labelledby="my-projects" className="portal-section">
        <h2 id="my-projects">Proyek Anda</h2>
        {projects.length === 0 ? (
          <div className="empty-state">
            <p>Anda belum punya proyek. Pilih paket dan kami mulai membangun website Anda.</p>
            <Link className="button button--primary" href="/harga">
              Lihat paket harga
            </Link>
          </div>
        ) : (
          <ul className="project-cards">
            {projects.slice(0, 6).map((project) => (
              <li key={project.id} className="card card--link">
                <Link href={`/portal/proyek/${project.id}`} className="stretched">
                  {project.name}
                </Link>
                <StatusBadge label={PROJECT_STATUS_LABELS[project.status]} tone={PROJECT_STATUS_TONES[project.status]} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
