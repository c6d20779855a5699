import { formatDate } from '../../src/lib/formatDate'
import { formatRupiah } from '../../src/lib/formatRupiah'
import { greeting } from '../greeting'
import { renderEmailLayout } from '../layout'
import type { RenderedEmail } from '../types'

export type InvoiceReminderInput = {
  clientName: string
  invoiceNumber: string
  projectName: string
  amount: number
  dueDate: Date
  /** Jakarta calendar days from today to the due date; negative once it has passed. */
  daysUntilDue: number
  payUrl: string
}

/** "jatuh tempo dalam 3 hari", "jatuh tempo hari ini", "terlambat 2 hari". */
export function dueWording(daysUntilDue: number): string {
  if (daysUntilDue > 0) return `jatuh tempo dalam ${daysUntilDue} hari`
  if (daysUntilDue === 0) return 'jatuh tempo hari ini'
  return `terlambat ${-daysUntilDue} hari`
}

/** Reminds a client of an unpaid invoice before, on and after its due date. */
export function invoiceReminderEmail(input: InvoiceReminderInput): RenderedEmail {
  const amount = formatRupiah(input.amount)
  const dueDate = formatDate(input.dueDate)
  const due = dueWording(input.daysUntilDue)
  const overdue = input.daysUntilDue < 0
  const subject = overdue ? `Tagihan ${input.invoiceNumber} ${due}` : `Pengingat: tagihan ${input.invoiceNumber} ${due}`
  return {
    subject,
    ...renderEmailLayout({
      preheader: `Tagihan ${amount} untuk proyek "${input.projectName}" ${due}.`,
      heading: overdue ? 'Tagihan Anda sudah lewat jatuh tempo' : 'Pengingat tagihan',
      paragraphs: [
        greeting(input.clientName),
        `Tagihan ${input.invoiceNumber} untuk proyek "${input.projectName}" sebesar ${amount} ${due} (${dueDate}).`,
        overdue
          ? 'Mohon segera lakukan pembayaran agar pengerjaan proyek Anda tidak tertunda.'
          : 'Bayar dengan QRIS dari portal klien: pindai kodenya dengan aplikasi bank atau dompet digital Anda.',
      ],
      table: {
        columns: ['Rincian', 'Keterangan'],
        rows: [
          ['Nomor tagihan', input.invoiceNumber],
          ['Proyek', input.projectName],
          ['Jumlah', amount],
          ['Jatuh tempo', dueDate],
        ],
      },
      action: { label: 'Bayar sekarang (QRIS)', url: input.payUrl },
      footnote: 'Jika Anda sudah membayar, abaikan email ini; pembayaran QRIS tercatat otomatis.',
    }),
  }
}
