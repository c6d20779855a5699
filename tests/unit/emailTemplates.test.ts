import type { BiReport } from '../../bi/biReportBuilders'
import { renderEmailLayout } from '../../email/layout'
import { biReportEmail } from '../../email/templates/biReportEmail'
import { invoiceReminderEmail } from '../../email/templates/invoiceReminderEmail'
import { paymentReceiptEmail } from '../../email/templates/paymentReceiptEmail'
import { projectStatusEmail } from '../../email/templates/projectStatusEmail'
import { passwordResetHtml } from '../../accounts/passwordResetEmail'

// Intl's id-ID rupiah puts a no-break space after "Rp"; the templates keep it, so the tests compare without it.
const plain = (text: string) => text.replace(/\u00a0/g, ' ')
const SCRIPT = '<script>alert(1)</script>'

const receipt = (clientName = 'Budi Santoso') =>
  paymentReceiptEmail({
    clientName,
    invoiceNumber: 'INV-2026-0042',
    projectName: 'Website SMA Negeri 1',
    amount: 1_500_000,
    // 08:30 UTC is 15.30 in Jakarta.
    paidAt: new Date('2026-03-05T08:30:00Z'),
    receiptUrl: 'https://jasaweb.id/portal/tagihan/42/kwitansi',
  })

const reminder = (daysUntilDue: number) =>
  invoiceReminderEmail({
    clientName: 'Budi Santoso',
    invoiceNumber: 'INV-2026-0042',
    projectName: 'Website SMA Negeri 1',
    amount: 2_750_000,
    dueDate: new Date('2026-03-10T16:59:00Z'),
    daysUntilDue,
    payUrl: 'https://jasaweb.id/portal/tagihan/42',
  })

const summaryReport: BiReport = {
  body: {
    revenue: 12_500_000,
    paidInvoices: 5,
    newClients: 8,
    conversionRate: 0.375,
    conversion: { registered: 8, paying: 3, rate: 0.375 },
    receivables: { amount: 4_000_000, invoices: 2, overdueAmount: 1_500_000, overdueInvoices: 1 },
    projectsByStatus: { pending_payment: 2, in_progress: 3, review: 1, completed: 4 },
    topPricingTiers: [{ tierId: 1, name: 'Paket Sekolah Pro', invoices: 3, revenue: 7_500_000 }],
  },
  table: {
    columns: ['figure', 'value'],
    rows: [
      { figure: 'revenue', value: 12_500_000 },
      { figure: 'paidInvoices', value: 5 },
      { figure: 'conversionRate', value: 0.375 },
    ],
  },
}

const biEmail = (period: 'weekly' | 'monthly' = 'weekly', report = summaryReport) =>
  biReportEmail({ period, from: '2026-03-02', to: '2026-03-08', report, dashboardUrl: 'https://jasaweb.id/admin' })

describe('the email layout', () => {
  const layout = renderEmailLayout({
    preheader: 'Ringkasan singkat',
    heading: 'Judul',
    paragraphs: ['Paragraf pertama.', 'Baris satu\nbaris dua'],
    table: { columns: ['Rincian', 'Keterangan'], rows: [['Nomor', 'INV-1'], ['Proyek panjang', 'Website']] },
    action: { label: 'Buka', url: 'https://jasaweb.id/a?b=1&c=2' },
    footnote: 'Catatan kaki.',
  })

  it('is Indonesian, branded, at most 560px wide and built of tables', () => {
    expect(layout.html).toContain('<html lang="id">')
    expect(layout.html).toMatch(/color:#1d4ed8">JasaWeb<\/p>/)
    expect(layout.html).toContain('max-width:560px')
    expect(layout.html).toContain('role="presentation"')
  })

  it('hides the preheader in the message', () => {
    expect(layout.html).toMatch(/<div style="display:none;[^"]*">Ringkasan singkat<\/div>/)
    expect(layout.text).not.toContain('Ringkasan singkat')
  })

  it('shows the action as a button and its address as text, escaped', () => {
    expect(layout.html).toContain('href="https://jasaweb.id/a?b=1&amp;c=2"')
    expect(layout.html).toContain('>https://jasaweb.id/a?b=1&amp;c=2</a>')
    expect(layout.text).toContain('Buka: https://jasaweb.id/a?b=1&c=2')
  })

  it('signs off with the agency footer in both parts', () => {
    for (const part of [layout.html, layout.text]) {
      expect(part).toContain('JasaWeb — jasa pembuatan website sekolah, berita dan company profile')
      expect(part).toContain('Email ini dikirim otomatis; balas ke email ini jika ada pertanyaan.')
    }
  })

  it('keeps line breaks inside a paragraph', () => {
    expect(layout.html).toContain('Baris satu<br>baris dua')
    expect(layout.text).toContain('Baris satu\nbaris dua')
  })

  it('lines up the table in the text part', () => {
    expect(layout.text).toContain(['Rincian         Keterangan', '--------------  ----------', 'Nomor           INV-1', 'Proyek panjang  Website'].join('\n'))
  })

  it('treats paragraphs as text, not HTML', () => {
    const { html } = renderEmailLayout({ preheader: SCRIPT, heading: SCRIPT, paragraphs: ['<b>tebal</b>'], footnote: SCRIPT })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>tebal</b>')
    expect(html).toContain('&lt;b&gt;tebal&lt;/b&gt;')
  })
})

describe('the payment receipt email', () => {
  it('names the invoice in the subject', () => {
    expect(receipt().subject).toBe('Kwitansi pembayaran INV-2026-0042')
  })

  it('gives the amount in rupiah and the payment time in WIB, in both parts', () => {
    const { text, html } = receipt()
    for (const part of [plain(text), plain(html)]) {
      expect(part).toContain('Halo Budi Santoso,')
      expect(part).toContain('Rp 1.500.000')
      expect(part).toContain('5 Maret 2026 pukul 15.30 WIB')
      expect(part).toContain('Website SMA Negeri 1')
    }
  })

  it('tabulates invoice number, project, amount and payment time in the text part', () => {
    const lines = plain(receipt().text).split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'Nomor tagihan   INV-2026-0042',
        'Proyek          Website SMA Negeri 1',
        'Jumlah dibayar  Rp 1.500.000',
        'Dibayar pada    5 Maret 2026 pukul 15.30 WIB',
      ]),
    )
  })

  it('links to the receipt', () => {
    const { text, html } = receipt()
    expect(text).toContain('Lihat kwitansi: https://jasaweb.id/portal/tagihan/42/kwitansi')
    expect(html).toContain('href="https://jasaweb.id/portal/tagihan/42/kwitansi"')
  })

  it('escapes the client name in the HTML part', () => {
    const { html, text } = receipt(SCRIPT)
    expect(html).not.toContain(SCRIPT)
    expect(html).toContain('Halo &lt;script&gt;alert(1)&lt;/script&gt;,')
    // The text part is not HTML: the name stays as it was typed.
    expect(text).toContain(`Halo ${SCRIPT},`)
  })

  it('greets a client without a name on record', () => {
    expect(receipt('  ').text).toContain('Halo Pelanggan JasaWeb,')
  })
})

describe('the project status email', () => {
  const statusEmail = (from: 'pending_payment' | 'in_progress' | 'review', to: 'in_progress' | 'review' | 'completed', note?: string | null, clientName = 'Budi Santoso') =>
    projectStatusEmail({ clientName, projectName: 'Website SMA Negeri 1', from, to, note, projectUrl: 'https://jasaweb.id/portal/proyek/7' })

  it('names the project and its new status in the subject', () => {
    expect(statusEmail('in_progress', 'review').subject).toBe('Status proyek "Website SMA Negeri 1": Menunggu review')
    expect(statusEmail('review', 'completed').subject).toBe('Status proyek "Website SMA Negeri 1": Selesai')
  })

  it('asks the client to review in the portal and approve or request a revision', () => {
    const { text } = statusEmail('in_progress', 'review')
    expect(text).toContain('berubah dari Sedang dikerjakan menjadi Menunggu review')
    expect(text).toContain('Silakan periksa hasilnya di portal klien, lalu setujui atau minta revisi.')
    expect(text).toContain('Buka proyek di portal: https://jasaweb.id/portal/proyek/7')
  })

  it('says the site is live and the credentials are in the portal once completed', () => {
    expect(statusEmail('review', 'completed').text).toContain('Website Anda sudah online. Data akses (alamat dan login admin website) tersedia di portal klien.')
  })

  it('says the team is building once paid', () => {
    expect(statusEmail('pending_payment', 'in_progress').text).toContain('Tim kami sedang membangun website Anda.')
  })

  it('calls a move back from review a revision', () => {
    const { subject, text } = statusEmail('review', 'in_progress', 'Ganti warna header')
    expect(subject).toBe('Status proyek "Website SMA Negeri 1": Sedang dikerjakan (revisi)')
    expect(text).toContain('Permintaan revisi Anda sudah kami terima.')
    expect(text).not.toContain('Tim kami sedang membangun website Anda.')
    expect(text).toContain('Catatan: Ganti warna header')
  })

  it('leaves out the note line when there is no note', () => {
    expect(statusEmail('in_progress', 'review', null).text).not.toContain('Catatan:')
    expect(statusEmail('in_progress', 'review', '   ').text).not.toContain('Catatan:')
  })

  it('escapes the client name and the note in the HTML part', () => {
    const { html } = statusEmail('review', 'in_progress', `${SCRIPT} & "lagi"`, SCRIPT)
    expect(html).not.toContain(SCRIPT)
    expect(html).toContain('Catatan: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;lagi&quot;')
  })
})

describe('the invoice reminder email', () => {
  it('counts the days left before the due date', () => {
    const { subject, text } = reminder(3)
    expect(subject).toBe('Pengingat: tagihan INV-2026-0042 jatuh tempo dalam 3 hari')
    // 16:59 UTC on the 10th is 23:59 WIB, still the 10th in Jakarta.
    expect(plain(text)).toContain('Tagihan INV-2026-0042 untuk proyek "Website SMA Negeri 1" sebesar Rp 2.750.000 jatuh tempo dalam 3 hari (10 Maret 2026).')
  })

  it('says the invoice is due today on its due date', () => {
    const { subject, text } = reminder(0)
    expect(subject).toBe('Pengingat: tagihan INV-2026-0042 jatuh tempo hari ini')
    expect(text).toContain('jatuh tempo hari ini (10 Maret 2026)')
  })

  it('counts the days late once the due date has passed', () => {
    const { subject, text, html } = reminder(-7)
    expect(subject).toBe('Tagihan INV-2026-0042 terlambat 7 hari')
    expect(text).toContain('terlambat 7 hari (10 Maret 2026)')
    expect(text).toContain('Tagihan Anda sudah lewat jatuh tempo')
    expect(html).not.toContain('terlambat -7')
  })

  it('sends the client to pay by QRIS', () => {
    const { text, html } = reminder(1)
    expect(text).toContain('Bayar sekarang (QRIS): https://jasaweb.id/portal/tagihan/42')
    expect(html).toContain('>Bayar sekarang (QRIS)</a>')
  })

  it('tabulates the amount and the due date', () => {
    expect(plain(reminder(3).text).split('\n')).toEqual(expect.arrayContaining(['Jumlah         Rp 2.750.000', 'Jatuh tempo    10 Maret 2026']))
  })
})

describe('the BI report email', () => {
  it('names the period and its dates in the subject', () => {
    expect(biEmail('weekly').subject).toBe('Laporan mingguan JasaWeb 2026-03-02 – 2026-03-08')
    expect(biEmail('monthly').subject).toBe('Laporan bulanan JasaWeb 2026-03-02 – 2026-03-08')
  })

  it('tabulates the headline figures', () => {
    // Cells are separated by two or more spaces; the alignment itself is the layout's (tested above).
    const cells = plain(biEmail().text)
      .split('\n')
      .map((line) => line.split(/ {2,}/).join(' | '))
    expect(cells).toEqual(
      expect.arrayContaining([
        'Pendapatan | Rp 12.500.000',
        'Tagihan lunas | 5',
        'Piutang | Rp 4.000.000 (2 tagihan)',
        'Piutang lewat jatuh tempo | Rp 1.500.000 (1 tagihan)',
        'Klien baru | 8',
        'Konversi klien baru | 37,5%',
        'Proyek: Menunggu pembayaran | 2',
        'Proyek: Sedang dikerjakan | 3',
        'Proyek: Menunggu review | 1',
        'Proyek: Selesai | 4',
        'Paket: Paket Sekolah Pro | Rp 7.500.000 (3 tagihan)',
      ]),
    )
  })

  it('shows the same figures in the HTML table', () => {
    const html = plain(biEmail().html)
    expect(html).toMatch(/>Pendapatan<\/td><td [^>]*>Rp 12\.500\.000<\/td>/)
    expect(html).toMatch(/>Konversi klien baru<\/td><td [^>]*>37,5%<\/td>/)
    expect(html).toMatch(/>Paket: Paket Sekolah Pro<\/td><td [^>]*>Rp 7\.500\.000 \(3 tagihan\)<\/td>/)
  })

  it('gives the period in Indonesian dates in the body and links to the dashboard', () => {
    const { text } = biEmail()
    expect(text).toContain('Laporan mingguan: 2 Maret 2026 – 8 Maret 2026')
    expect(text).toContain('Buka dasbor BI: https://jasaweb.id/admin')
  })

  it('shows a dash for the conversion rate when nobody registered, and leaves out absent sections', () => {
    const { projectsByStatus: _status, topPricingTiers: _tiers, ...rest } = summaryReport.body
    const { text } = biEmail('weekly', { ...summaryReport, body: { ...rest, conversionRate: null } })
    expect(text).toMatch(/^Konversi klien baru\s+–$/m)
    expect(text).not.toContain('Proyek:')
    expect(text).not.toContain('Paket:')
  })

  it("attaches the report's table as CSV", () => {
    expect(biEmail('monthly').attachments).toEqual([
      {
        filename: 'laporan-monthly-2026-03-02-2026-03-08.csv',
        contentType: 'text/csv',
        content: 'figure,value\r\nrevenue,12500000\r\npaidInvoices,5\r\nconversionRate,0.375\r\n',
      },
    ])
  })

  it('refuses a report that is not the summary', () => {
    expect(() => biEmail('weekly', { body: { total: 1 }, table: summaryReport.table })).toThrow()
  })
})

describe('the password reset email', () => {
  it('renders through the shared layout with the reset link as button and text', () => {
    const html = passwordResetHtml({ token: 'abc/123', user: { name: 'Budi' } })
    expect(html).toContain('<html lang="id">')
    expect(html).toContain('Halo Budi,')
    expect(html).toMatch(/href="https?:\/\/[^"]+\/reset-password\?token=abc%2F123"/)
    expect(html).toMatch(/>https?:\/\/[^<]+\/reset-password\?token=abc%2F123<\/a>/)
    expect(html).toContain('Email ini dikirim otomatis; balas ke email ini jika ada pertanyaan.')
  })
})
