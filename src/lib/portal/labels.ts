import type { ProjectType } from '../../../fields/projectType'
import type { InvoiceStatus } from '../../../invoices/invoiceNumber'
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../../projects/statusFlow'

export { PROJECT_STATUS_LABELS }

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  unpaid: 'Belum dibayar',
  paid: 'Lunas',
  expired: 'Kedaluwarsa',
  cancelled: 'Dibatalkan',
  refunded: 'Dikembalikan',
}

/** The badge colour of a status: what the client should feel about it. */
export type Tone = 'neutral' | 'info' | 'warning' | 'success' | 'danger'

export const PROJECT_STATUS_TONES: Record<ProjectStatus, Tone> = {
  pending_payment: 'warning',
  in_progress: 'info',
  review: 'warning',
  completed: 'success',
}

export const INVOICE_STATUS_TONES: Record<InvoiceStatus, Tone> = {
  unpaid: 'warning',
  paid: 'success',
  expired: 'danger',
  cancelled: 'neutral',
  refunded: 'neutral',
}

export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  sekolah: 'Website Sekolah',
  berita: 'Portal Berita',
  company: 'Company Profile',
}
