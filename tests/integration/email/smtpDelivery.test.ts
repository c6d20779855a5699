/**
 * The templates leave the app through Payload's real email adapter (nodemailer over SMTP, as
 * configured by lib/env.ts) and arrive at a real SMTP server in this process.
 */
import type { BiReport } from '../../../bi/biReportBuilders'
import { biReportEmail } from '../../../email/templates/biReportEmail'
import { invoiceReminderEmail } from '../../../email/templates/invoiceReminderEmail'
import { paymentReceiptEmail } from '../../../email/templates/paymentReceiptEmail'
import { projectStatusEmail } from '../../../email/templates/projectStatusEmail'
import { createUser } from '../../helpers/fixtures'
import { type ReceivedMail, type SmtpHarness, startSmtpServer } from '../../helpers/smtpServer'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'

// Intl's id-ID rupiah puts a no-break space after "Rp".
const plain = (text: string) => text.replace(/\u00a0/g, ' ')
const CLIENT = 'budi@smandasatu.sch.id'

let smtp: SmtpHarness
let ctx: TestContext
beforeAll(async () => {
  smtp = await startSmtpServer()
  // Read by lib/env.ts when the Payload config loads, so set before createTestPayload.
  process.env.SMTP_HOST = smtp.host
  process.env.SMTP_PORT = String(smtp.port)
  process.env.SMTP_SECURE = 'false'
  process.env.SMTP_USER = 'jasaweb-mailer'
  process.env.SMTP_PASS = 'rahasia-smtp'
  ctx = await createTestPayload()
})
afterAll(async () => {
  await ctx?.close()
  await smtp?.close()
})

const bySubject = (subject: string) => (mail: ReceivedMail) => mail.subject === subject

it('delivers a payment receipt over SMTP from JasaWeb, logged in as SMTP_USER', async () => {
  const email = paymentReceiptEmail({
    clientName: 'Budi Santoso',
    invoiceNumber: 'INV-2026-0042',
    projectName: 'Website SMA Negeri 1',
    amount: 1_500_000,
    paidAt: new Date('2026-03-05T08:30:00Z'),
    receiptUrl: 'https://jasaweb.id/portal/tagihan/42/kwitansi',
  })
  await ctx.payload.sendEmail({ to: CLIENT, ...email })

  const mail = await smtp.waitFor(bySubject('Kwitansi pembayaran INV-2026-0042'))
  expect(mail.from).toEqual({ address: 'noreply@jasaweb.id', name: 'JasaWeb' })
  expect(mail.to).toEqual([CLIENT])
  expect(mail.envelope).toEqual({ from: 'noreply@jasaweb.id', to: [CLIENT] })
  expect(mail.authenticatedAs).toBe('jasaweb-mailer')
  for (const body of [plain(mail.text), plain(mail.html)]) {
    expect(body).toContain('Rp 1.500.000')
    expect(body).toContain('5 Maret 2026 pukul 15.30 WIB')
  }
  expect(mail.text).toContain('Lihat kwitansi: https://jasaweb.id/portal/tagihan/42/kwitansi')
  expect(mail.html).toContain('href="https://jasaweb.id/portal/tagihan/42/kwitansi"')
  expect(mail.attachments).toEqual([])
})

it('delivers a project status email with the HTML escaped', async () => {
  const email = projectStatusEmail({
    clientName: '<script>alert(1)</script>',
    projectName: 'Website SMA Negeri 1',
    from: 'in_progress',
    to: 'review',
    note: 'Halaman galeri sudah lengkap.',
    projectUrl: 'https://jasaweb.id/portal/proyek/7',
  })
  await ctx.payload.sendEmail({ to: CLIENT, ...email })

  const mail = await smtp.waitFor(bySubject('Status proyek "Website SMA Negeri 1": Menunggu review'))
  expect(mail.to).toEqual([CLIENT])
  expect(mail.text).toContain('setujui atau minta revisi')
  expect(mail.text).toContain('Catatan: Halaman galeri sudah lengkap.')
  expect(mail.html).toContain('Halo &lt;script&gt;alert(1)&lt;/script&gt;,')
  expect(mail.html).not.toContain('<script>')
})

it('delivers an overdue invoice reminder', async () => {
  const email = invoiceReminderEmail({
    clientName: 'Budi Santoso',
    invoiceNumber: 'INV-2026-0043',
    projectName: 'Website SMA Negeri 1',
    amount: 2_750_000,
    dueDate: new Date('2026-03-10T16:59:00Z'),
    daysUntilDue: -2,
    payUrl: 'https://jasaweb.id/portal/tagihan/43',
  })
  await ctx.payload.sendEmail({ to: CLIENT, ...email })

  const mail = await smtp.waitFor(bySubject('Tagihan INV-2026-0043 terlambat 2 hari'))
  expect(plain(mail.text)).toContain('sebesar Rp 2.750.000 terlambat 2 hari (10 Maret 2026)')
  expect(mail.text).toContain('Bayar sekarang (QRIS): https://jasaweb.id/portal/tagihan/43')
  expect(plain(mail.html)).toContain('Rp 2.750.000')
})

it('delivers the BI report to several admins with its CSV attached', async () => {
  const report: BiReport = {
    body: {
      revenue: 12_500_000,
      paidInvoices: 5,
      newClients: 8,
      conversionRate: 0.375,
      receivables: { amount: 4_000_000, invoices: 2, overdueAmount: 1_500_000, overdueInvoices: 1 },
      projectsByStatus: { pending_payment: 2, in_progress: 3, review: 1, completed: 4 },
      topPricingTiers: [{ tierId: 1, name: 'Paket Sekolah Pro', invoices: 3, revenue: 7_500_000 }],
    },
    table: { columns: ['figure', 'value'], rows: [{ figure: 'revenue', value: 12_500_000 }, { figure: 'note', value: 'satu, "dua"' }] },
  }
  const email = biReportEmail({ period: 'weekly', from: '2026-03-02', to: '2026-03-08', report, dashboardUrl: 'https://jasaweb.id/admin' })
  const admins = ['admin@jasaweb.id', 'owner@jasaweb.id']
  await ctx.payload.sendEmail({ to: admins, ...email })

  const mail = await smtp.waitFor(bySubject('Laporan mingguan JasaWeb 2026-03-02 – 2026-03-08'))
  expect(mail.to).toEqual(admins)
  expect(mail.envelope.to).toEqual(admins)
  for (const body of [plain(mail.text), plain(mail.html)]) {
    expect(body).toContain('Rp 12.500.000')
    expect(body).toContain('37,5%')
    expect(body).toContain('Paket Sekolah Pro')
  }
  expect(mail.attachments).toEqual([
    { filename: 'laporan-weekly-2026-03-02-2026-03-08.csv', contentType: 'text/csv', content: 'figure,value\r\nrevenue,12500000\r\nnote,"satu, ""dua"""\r\n' },
  ])
})

it("delivers Payload's forgot-password email with the link to the public reset page", async () => {
  const user = await createUser(ctx.payload, 'client', 'Siti Aminah')
  const token = await ctx.payload.forgotPassword({ collection: 'users', data: { email: user.email } })
  expect(token).toEqual(expect.any(String))

  const mail = await smtp.waitFor((message) => message.to.includes(user.email))
  expect(mail.subject).toBe('Atur ulang kata sandi JasaWeb Anda')
  expect(mail.from).toEqual({ address: 'noreply@jasaweb.id', name: 'JasaWeb' })
  expect(mail.html).toContain('Halo Siti Aminah,')
  expect(mail.html).toMatch(new RegExp(`href="https?://[^"]+/reset-password\\?token=${token}"`))
  expect(mail.html).toContain('Email ini dikirim otomatis; balas ke email ini jika ada pertanyaan.')
})
