import type { PayloadRequest } from 'payload'

import type { Invoice } from '../payload-types'
import { publishEvent } from '../realtime/publish'

/**
 * What follows an invoice's first move to paid, however it got there (Midtrans webhook,
 * simulator, or an admin marking it paid), inside the same transaction: the project starts,
 * the client is told, admins are alerted to a late payment, and a receipt email is queued.
 */
export async function onInvoicePaid(req: PayloadRequest, invoice: Invoice, late: boolean): Promise<void> {
  const { payload } = req
  const projectId = typeof invoice.project === 'object' ? invoice.project.id : invoice.project
  const project = await payload.findByID({ collection: 'projects', id: projectId, depth: 0, overrideAccess: true, req })
  if (project.status === 'pending_payment') {
    await payload.update({
      collection: 'projects',
      id: project.id,
      data: { status: 'in_progress' },
      overrideAccess: true,
      req,
      depth: 0,
      context: { statusActor: 'system', statusNote: `Pembayaran QRIS ${invoice.number} diterima` },
    })
  }
  const ownerId = typeof project.owner === 'object' ? project.owner.id : project.owner
  await publishEvent(req, {
    recipient: ownerId,
    type: 'payment_update',
    priority: 'high',
    title: `Pembayaran ${invoice.number} diterima`,
    body: `Terima kasih! Proyek "${project.name}" mulai kami kerjakan.`,
    data: { invoiceId: invoice.id, projectId: project.id },
  })
  if (late) {
    await publishEvent(req, {
      recipientRole: 'admin',
      type: 'admin_alert',
      priority: 'high',
      title: `Pembayaran terlambat untuk ${invoice.number}`,
      body: 'Midtrans melaporkan settlement setelah percobaan pembayaran kedaluwarsa. Tagihan ditandai lunas; periksa bila perlu.',
      data: { invoiceId: invoice.id },
    })
  }
  await payload.jobs.queue({ task: 'sendPaymentReceipt', input: { invoiceId: invoice.id }, req })
}
