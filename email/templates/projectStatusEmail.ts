import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../projects/statusFlow'
import { greeting } from '../greeting'
import { renderEmailLayout } from '../layout'
import type { RenderedEmail } from '../types'

export type ProjectStatusInput = {
  clientName: string
  projectName: string
  from: ProjectStatus
  to: ProjectStatus
  note?: string | null
  projectUrl: string
}

/** What the new status means for the client, in a sentence. */
const MEANING: Record<ProjectStatus, string> = {
  pending_payment: 'Proyek Anda menunggu pembayaran. Setelah tagihannya dibayar (QRIS, di portal klien), tim kami langsung mulai mengerjakannya.',
  in_progress: 'Tim kami sedang membangun website Anda. Kami akan mengabari Anda begitu website siap untuk Anda review.',
  review: 'Website Anda siap direview. Silakan periksa hasilnya di portal klien, lalu setujui atau minta revisi.',
  completed: 'Website Anda sudah online. Data akses (alamat dan login admin website) tersedia di portal klien.',
}

// Back from review to in_progress is the client's revision request: say so, not "being built".
const isRevision = (from: ProjectStatus, to: ProjectStatus) => from === 'review' && to === 'in_progress'
const REVISION_MEANING = 'Permintaan revisi Anda sudah kami terima. Tim kami sedang mengerjakan perubahannya dan akan mengirimkannya kembali untuk Anda review.'

/** Tells a project's owner that its status moved, and what that means for them. */
export function projectStatusEmail(input: ProjectStatusInput): RenderedEmail {
  const revision = isRevision(input.from, input.to)
  const label = revision ? `${PROJECT_STATUS_LABELS[input.to]} (revisi)` : PROJECT_STATUS_LABELS[input.to]
  const meaning = revision ? REVISION_MEANING : MEANING[input.to]
  const note = input.note?.trim()
  return {
    subject: `Status proyek "${input.projectName}": ${label}`,
    ...renderEmailLayout({
      preheader: meaning,
      heading: `Status proyek: ${label}`,
      paragraphs: [
        greeting(input.clientName),
        `Status proyek "${input.projectName}" berubah dari ${PROJECT_STATUS_LABELS[input.from]} menjadi ${label}.`,
        meaning,
        ...(note ? [`Catatan: ${note}`] : []),
      ],
      table: {
        columns: ['Rincian', 'Keterangan'],
        rows: [
          ['Proyek', input.projectName],
          ['Status sebelumnya', PROJECT_STATUS_LABELS[input.from]],
          ['Status sekarang', label],
        ],
      },
      action: { label: 'Buka proyek di portal', url: input.projectUrl },
    }),
  }
}
