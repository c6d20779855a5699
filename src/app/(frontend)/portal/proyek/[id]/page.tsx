import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CopyButton } from '@/components/portal/CopyButton'
import { ReviewActions } from '@/components/portal/ReviewActions'
import { StatusBadge } from '@/components/portal/StatusBadge'
import { StatusTimeline } from '@/components/portal/StatusTimeline'
import { formatRupiah } from '@/lib/formatRupiah'
import { INVOICE_STATUS_LABELS, INVOICE_STATUS_TONES, PROJECT_STATUS_LABELS, PROJECT_STATUS_TONES, PROJECT_TYPE_LABELS } from '@/lib/portal/labels'
import { findProject, listInvoices } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

const STATUS_HELP: Record<string, string> = {
  pending_payment: 'Kami mulai mengerjakan begitu tagihan pertama dibayar.',
  in_progress: 'Tim kami sedang membangun website Anda.',
  review: 'Website Anda siap ditinjau: setujui atau minta revisi di bawah.',
  completed: 'Selesai! Alamat website dan akses admin ada di bawah.',
}

type Params = { params: Promise<{ id: string }> }

const toId = (raw: string) => (/^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : undefined)

export async function generateMetadata({ params }: Params) {
  return { title: `Proyek #${(await params).id}` }
}

/** One project: status, timeline, invoices, and (when completed) its address and credentials. */
export default async function ProjectPage({ params }: Params) {
  const { id: raw } = await params
  const viewer = await requireClient()
  const id = toId(raw)
  // Someone else's project reads as not found, exactly as the API answers.
  const project = id ? await findProject(viewer, id) : null
  if (!project) notFound()
  const invoices = await listInvoices(viewer, { projectId: project.id })
  const credentials = project.credentials

  return (
    <>
      <p className="breadcrumb">
        <Link href="/portal/proyek">← Web Saya</Link>
      </p>
      <div className="title-row">
        <h1 className="portal__title">{project.name}</h1>
        <StatusBadge label={PROJECT_STATUS_LABELS[project.status]} tone={PROJECT_STATUS_TONES[project.status]} />
      </div>
      <p className="muted">
        {PROJECT_TYPE_LABELS[project.type]} · {STATUS_HELP[project.status]}
      </p>

      {project.status === 'review' ? <ReviewActions projectId={project.id} /> : null}

      {project.status === 'completed' ? (
        <section className="card" aria-labelledby="access-heading">
          <h2 id="access-heading">Website dan akses</h2>
          <dl className="facts">
            {project.url ? (
              <div>
                <dt>Alamat website</dt>
                <dd>
                  <a href={project.url} target="_blank" rel="noreferrer">
                    {project.url}
                  </a>{' '}
                  <CopyButton value={project.url} label="alamat website" />
                </dd>
              </div>
            ) : null}
            {credentials?.adminUrl ? (
              <div>
                <dt>Halaman admin</dt>
                <dd>
                  <a href={credentials.adminUrl} target="_blank" rel="noreferrer">
                    {credentials.adminUrl}
                  </a>{' '}
                  <CopyButton value={credentials.adminUrl} label="alamat admin" />
                </dd>
              </div>
            ) : null}
            {credentials?.username ? (
              <div>
                <dt>Nama pengguna</dt>
                <dd>
                  <code>{credentials.username}</code> <CopyButton value={credentials.username} label="nama pengguna" />
                </dd>
              </div>
            ) : null}
            {credentials?.password ? (
              <div>
                <dt>Kata sandi</dt>
                <dd>
                  <code className="secret">{credentials.password}</code> <CopyButton value={credentials.password} label="kata sandi" />
                </dd>
              </div>
            ) : null}
          </dl>
          {!project.url && !credentials?.username ? <p className="muted">Detail akses sedang kami siapkan.</p> : null}
        </section>
      ) : null}

      <div className="portal-columns">
        <section className="card" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Riwayat status</h2>
          <StatusTimeline project={project} />
        </section>
        <section className="card" aria-labelledby="invoices-heading">
          <h2 id="invoices-heading">Tagihan proyek</h2>
          {invoices.length === 0 ? (
            <p className="muted">Belum ada tagihan.</p>
          ) : (
            <ul className="row-list">
              {invoices.map((invoice) => (
                <li key={invoice.id}>
                  <Link href={`/portal/tagihan/${invoice.id}`}>{invoice.number}</Link>
                  <span>{formatRupiah(invoice.amount)}</span>
                  <StatusBadge label={INVOICE_STATUS_LABELS[invoice.status]} tone={INVOICE_STATUS_TONES[invoice.status]} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  )
}
