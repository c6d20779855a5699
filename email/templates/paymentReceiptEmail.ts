import { formatDateTimeWib } from '../../src/lib/formatDateTime'
import { formatRupiah } from '../../src/lib/formatRupiah'
import { greeting } from '../greeting'
import { renderEmailLayout } from '../layout'
import type { RenderedEmail } from '../types'

export type PaymentReceiptInput = {
  clientName: string
  invoiceNumber: string
  projectName: string
  amount: number
  paidAt: Date
  receiptUrl: string
}

/** The client's receipt for a paid invoice (sent by the sendPaymentReceipt job). */
export function paymentReceiptEmail(input: PaymentReceiptInput): RenderedEmail {
  const amount = formatRupiah(input.amount)
  const paidAt = formatDateTimeWib(input.paidAt)
  return {
    subject: `Kwitansi pembayaran ${input.invoiceNumber}`,
    ...renderEmailLayout({
      preheader: `Pembayaran ${amount} untuk proyek "${input.projectName}" sudah kami terima.`,
      heading: 'Pembayaran diterima',
      paragraphs: [
        greeting(input.clientName),
        `Terima kasih. Pembayaran tagihan ${input.invoiceNumber} untuk proyek "${input.projectName}" sebesar ${amount} telah kami terima pada ${paidAt}.`,
        'Kwitansi resminya bisa dilihat dan dicetak kapan saja di portal klien, dan perkembangan proyek Anda bisa dipantau di sana.',
      ],
      table: {
        columns: ['Rincian', 'Keterangan'],
        rows: [
          ['Nomor tagihan', input.invoiceNumber],
          ['Proyek', input.projectName],
          ['Jumlah dibayar', amount],
          ['Dibayar pada', paidAt],
        ],
      },
      action: { label: 'Lihat kwitansi', url: input.receiptUrl },
      footnote: 'Simpan email ini sebagai bukti pembayaran.',
    }),
  }
}
