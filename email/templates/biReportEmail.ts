import { z } from 'zod'

import type { BiReport } from '../../bi/biReportBuilders'
import { toCsv } from '../../bi/toCsv'
import { isProjectStatus, PROJECT_STATUS_LABELS } from '../../projects/statusFlow'
import { formatDate } from '../../src/lib/formatDate'
import { formatRupiah } from '../../src/lib/formatRupiah'
import { renderEmailLayout } from '../layout'
import type { RenderedEmail } from '../types'

export type BiReportPeriod = 'weekly' | 'monthly'

export type BiReportEmailInput = { period: BiReportPeriod; from: string; to: string; report: BiReport; dashboardUrl: string }

const PERIOD_WORD: Record<BiReportPeriod, string> = { weekly: 'mingguan', monthly: 'bulanan' }

// The summary report's body (bi/biReportBuilders.ts), read strictly: another report's body is a bug, not an empty email.
const summaryFigures = z.object({
  revenue: z.number(),
  paidInvoices: z.number(),
  newClients: z.number(),
  conversionRate: z.number().nullable(),
  receivables: z.object({ amount: z.number(), invoices: z.number(), overdueAmount: z.number(), overdueInvoices: z.number() }),
  projectsByStatus: z.record(z.string(), z.number()).optional(),
  topPricingTiers: z.array(z.object({ name: z.string(), invoices: z.number(), revenue: z.number() })).optional(),
})

const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 })
const count = new Intl.NumberFormat('id-ID')
// A BI date is a Jakarta calendar day; noon keeps it that day in any formatter.
const day = (isoDate: string) => formatDate(new Date(`${isoDate}T12:00:00+07:00`))

function figureRows(body: BiReport['body']): string[][] {
  const figures = summaryFigures.parse(body)
  const owed = figures.receivables
  return [
    ['Pendapatan', formatRupiah(figures.revenue)],
    ['Tagihan lunas', count.format(figures.paidInvoices)],
    ['Piutang', `${formatRupiah(owed.amount)} (${count.format(owed.invoices)} tagihan)`],
    ['Piutang lewat jatuh tempo', `${formatRupiah(owed.overdueAmount)} (${count.format(owed.overdueInvoices)} tagihan)`],
    ['Klien baru', count.format(figures.newClients)],
    ['Konversi klien baru', figures.conversionRate === null ? '–' : percent.format(figures.conversionRate)],
    ...Object.entries(figures.projectsByStatus ?? {}).map(([status, projects]) => [
      `Proyek: ${isProjectStatus(status) ? PROJECT_STATUS_LABELS[status] : status}`,
      count.format(projects),
    ]),
    ...(figures.topPricingTiers ?? []).map((tier) => [`Paket: ${tier.name}`, `${formatRupiah(tier.revenue)} (${count.format(tier.invoices)} tagihan)`]),
  ]
}

/** The weekly or monthly BI summary for admins: the figures as a table, the report's table as CSV. */
export function biReportEmail(input: BiReportEmailInput): RenderedEmail {
  const word = PERIOD_WORD[input.period]
  const range = `${day(input.from)} – ${day(input.to)}`
  const { columns, rows } = input.report.table
  return {
    subject: `Laporan ${word} JasaWeb ${input.from} – ${input.to}`,
    ...renderEmailLayout({
      preheader: `Pendapatan, piutang, klien baru dan proyek, ${range}.`,
      heading: `Laporan ${word}: ${range}`,
      paragraphs: [
        'Halo Admin,',
        `Berikut ringkasan kinerja JasaWeb untuk periode ${range} (WIB). Piutang dan jumlah proyek per status adalah keadaan saat laporan dibuat.`,
      ],
      table: { columns: ['Angka', 'Nilai'], rows: figureRows(input.report.body) },
      action: { label: 'Buka dasbor BI', url: input.dashboardUrl },
      footnote: 'Angka yang sama terlampir sebagai CSV untuk diolah di spreadsheet.',
    }),
    attachments: [{ filename: `laporan-${input.period}-${input.from}-${input.to}.csv`, content: toCsv(columns, rows), contentType: 'text/csv' }],
  }
}
