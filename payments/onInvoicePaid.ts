import type { PayloadRequest } from 'payload'

import { jobsInsert } from '../jobs/jobsInsert'
import { RECEIPT_QUEUE } from '../jobs/tasks/sendPaymentReceipt'
import type { Invoice } from '../payload-types'
import { lockProjects, planSystemMoves, type LockedProject } from '../projects/systemMove'
import { relationId } from '../realtime/notificationEvents'
import type { EventInput } from '../realtime/publish'
import { mergePlans, writePlan, type WritePlan } from './writePlan'

export type PaidInvoice = Pick<Invoice, 'id' | 'number' | 'project'>
export type Paid = { invoice: PaidInvoice; late: boolean }

/**
 * What follows an invoice's first move to paid, however it got there (Midtrans webhook,
 * simulator, or an admin marking it paid): the project starts, the client is told, admins
 * are alerted to a late payment, and a receipt email is queued. As a plan, for a batch of
 * invoices whose projects the caller has locked (lockProjects).
 */
export function planPaidSideEffects(paid: readonly Paid[], projects: ReadonlyMap<number, LockedProject>): WritePlan {
  const owned = paid.map(({ invoice, late }) => ({ invoice, late, project: projects.get(relationId(invoice.project) ?? -1) }))
  const moves = planSystemMoves(
    owned.flatMap(({ invoice, project }) => (project ? [{ project, note: `Pembayaran QRIS ${invoice.number} diterima` }] : [])),
    'in_progress',
  )
  const events: EventInput[] = []
  for (const { invoice, late, project } of owned) {
    if (project && project.owner !== null) {
      events.push({
        recipient: project.owner,
        type: 'payment_update',
        priority: 'high',
        title: `Pembayaran ${invoice.number} diterima`,
        body: `Terima kasih! Proyek "${project.name}" mulai kami kerjakan.`,
        data: { invoiceId: invoice.id, projectId: project.id },
      })
    }
    if (late) {
      events.push({
        recipientRole: 'admin',
        type: 'admin_alert',
        priority: 'high',
        title: `Pembayaran terlambat untuk ${invoice.number}`,
        body: 'Midtrans melaporkan settlement setelah percobaan pembayaran kedaluwarsa. Tagihan ditandai lunas; periksa bila perlu.',
        data: { invoiceId: invoice.id },
      })
    }
  }
  const receipts = paid.length > 0 ? [jobsInsert('sendPaymentReceipt', RECEIPT_QUEUE, paid.map(({ invoice }) => ({ invoiceId: invoice.id })))] : []
  return mergePlans(moves, { statements: receipts, audits: [], events })
}

/** The same for invoices paid through the Local API (the invoices hook), on `req`'s transaction. */
export async function onInvoicesPaid(req: PayloadRequest, paid: readonly Paid[]): Promise<void> {
  if (paid.length === 0) return
  const projects = await lockProjects(req, paid.map(({ invoice }) => relationId(invoice.project)).filter((id): id is number => id !== null))
  await writePlan(req, planPaidSideEffects(paid, projects))
}
