import Link from 'next/link'

import { StatusBadge } from '@/components/portal/StatusBadge'
import { formatDate } from '@/lib/formatDate'
import { PROJECT_STATUS_LABELS, PROJECT_STATUS_TONES, PROJECT_TYPE_LABELS } from '@/lib/portal/labels'
import { listProjects } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

export const metadata = { title: 'Web Saya' }

export default async function ProjectsPage() {
  const viewer = await requireClient()
  const projects = await listProjects(viewer)
  return (
    <>
      <h1 className="portal__title">Web Saya</h1>
      {projects.length === 0 ? (
        <div className="empty-state">
          <p>Belum ada proyek. Setelah Anda memesan paket, proyeknya muncul di sini.</p>
          <Link className="button button--primary" href="/harga">
            Lihat paket harga
          </Link>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Daftar proyek Anda</caption>
            <thead>
              <tr>
                <th scope="col">Proyek</th>
                <th scope="col">Jenis</th>
                <th scope="col">Status</th>
                <th scope="col">Diperbarui</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id}>
                  <td data-label="Proyek">
                    <Link href={`/portal/proyek/${project.id}`}>{project.name}</Link>
                  </td>
                  <td data-label="Jenis">{PROJECT_TYPE_LABELS[project.type]}</td>
                  <td data-label="Status">
                    <StatusBadge label={PROJECT_STATUS_LABELS[project.status]} tone={PROJECT_STATUS_TONES[project.status]} />
                  </td>
                  <td data-label="Diperbarui">{formatDate(project.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
