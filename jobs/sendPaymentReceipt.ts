import type { TaskConfig } from 'payload'

import { formatRupiah } from '../src/lib/formatRupiah'

/** Emails the client a receipt for a paid invoice. Queued by the webhook, run by the jobs runner. */
export const sendPaymentReceiptTask: TaskConfig<{ input: { invoiceId: number }; output: { sentTo: string } }> = {
  slug: 'sendPaymentReceipt',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'invoiceId', type: 'number', required: true }],
  outputSchema: [{ name: 'sentTo', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const invoice = await req.payload.findByID({ collection: 'invoices', id: input.invoiceId, depth: 2, overrideAccess: true, req })
    const project = typeof invoice.project === 'object' ? invoice.project : null
    const owner = project && typeof project.owner === 'object' ? project.owner : null
    if (!owner) throw new Error(`invoice ${input.invoiceId} has no project owner to send a receipt to`)
    const paidAt = invoice.paidAt ? new Date(invoice.paidAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) : '-'
    await req.payload.sendEmail({
      to: owner.email,
      subject: `Kwitansi pembayaran ${invoice.number}`,
      text: [
        `Halo ${owner.name},`,
        '',
        `Pembayaran tagihan ${invoice.number} untuk proyek "${project?.name ?? ''}" sebesar ${formatRupiah(invoice.amount)} telah kami terima pada ${paidAt} WIB.`,
        'Tim kami mulai mengerjakan proyek Anda. Pantau perkembangannya di portal klien.',
        '',
        'Terima kasih,',
        'JasaWeb',
      ].join('\n'),
    })
    return { output: { sentTo: owner.email } }
  },
}
