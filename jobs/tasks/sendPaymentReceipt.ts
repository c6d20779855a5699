import { z } from 'zod'

import { paymentReceiptEmail } from '../../email/templates/paymentReceiptEmail'
import { getConfig } from '../../lib/env'
import { portalReceiptPath } from '../../src/lib/site/paths'
import { defineTask } from '../defineTask'
import type { JobQueue } from '../queues'

/** Receipts go ahead of everything else (the payment transaction queues them in SQL, jobs/jobsInsert.ts). */
export const RECEIPT_QUEUE: JobQueue = 'payments'

/** Emails the client a receipt for a paid invoice. Queued by the payment transaction (jobs/jobsInsert.ts). */
export const sendPaymentReceiptTask = defineTask({
  slug: 'sendPaymentReceipt',
  label: 'Kwitansi pembayaran',
  queue: RECEIPT_QUEUE,
  input: z.object({ invoiceId: z.number().int().positive() }),
  retries: 5,
  backoffMs: 10_000,
  handler: async ({ invoiceId }, req) => {
    const invoice = await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 2, overrideAccess: true, req })
    const project = typeof invoice.project === 'object' ? invoice.project : null
    const owner = project && typeof project.owner === 'object' ? project.owner : null
    if (!project || !owner) throw new Error(`invoice ${invoiceId} has no project owner to send a receipt to`)
    // Refunded (or reopened by an admin) before the receipt went out: nothing to confirm.
    if (invoice.status !== 'paid' || !invoice.paidAt) return { sentTo: null, skipped: `invoice is ${invoice.status}` }
    const email = paymentReceiptEmail({
      clientName: owner.name,
      invoiceNumber: invoice.number ?? String(invoice.id),
      projectName: project.name,
      amount: invoice.amount,
      paidAt: new Date(invoice.paidAt),
      receiptUrl: `${getConfig().SERVER_URL}${portalReceiptPath(invoice.id)}`,
    })
    await req.payload.sendEmail({ to: owner.email, ...email })
    return { sentTo: owner.email }
  },
})
