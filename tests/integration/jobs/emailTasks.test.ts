/**
 * The email-sending tasks end to end: queued the way the app queues them (a project hook, the
 * schedule, an admin's resend), run by Payload's queue, delivered by the app's nodemailer
 * transport to a real SMTP server in this process.
 */
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals, createLocalReq, initTransaction, killTransaction } from 'payload'

import { PROJECT_STATUS_LABELS } from '../../../projects/statusFlow'
import { createProject, moveProjectTo } from '../../helpers/fixtures'
import { type ReceivedMail, type SmtpHarness, startSmtpServer } from '../../helpers/smtpServer'
import { useWorldSuite } from '../../helpers/worldSuite'

let smtp: SmtpHarness
beforeAll(async () => {
  smtp = await startSmtpServer()
  // Read when the Payload config is built, so before the world suite's beforeAll.
  Object.assign(process.env, { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', SMTP_USER: '', SMTP_PASS: '' })
})
afterAll(async () => smtp?.close())
const suite = useWorldSuite()

afterEach(() => _internal_resetJobSystemGlobals())

const setClock = (iso: string) => {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(iso)
}
const mailTo = (address: string) => smtp.messages.filter((mail: ReceivedMail) => mail.to.includes(address))
const statusJobsFor = async (projectId: number) =>
  (
    await suite.ctx.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'sendProjectStatusEmail' } }, { 'input.projectId': { equals: projectId } }] },
      overrideAccess: true,
    })
  ).docs

it("emails the owner when their project's status moves, with a link to the project in the portal", async () => {
  const { clientA, tier } = suite.world
  const { project } = await createProject(suite.ctx.payload, clientA, tier, 'Website SMK Bakti')

  await moveProjectTo(suite.ctx.payload, project, 'in_progress')
  expect(await statusJobsFor(project.id)).toHaveLength(1)
  await suite.ctx.payload.jobs.run({ queue: 'default' })

  const mail = await smtp.waitFor((each) => each.subject === `Status proyek "Website SMK Bakti": ${PROJECT_STATUS_LABELS.in_progress}`)
  expect(mail.to).toEqual([clientA.email])
  expect(mail.text).toContain(`${PROJECT_STATUS_LABELS.pending_payment} menjadi ${PROJECT_STATUS_LABELS.in_progress}`)
  expect(mail.text).toContain(`/portal/proyek/${project.id}`)
  expect((await statusJobsFor(project.id))[0]).toMatchObject({ completedAt: expect.any(String), hasError: false })
})

it('queues no email for a status move whose transaction rolls back', async () => {
  const { clientB, tier } = suite.world
  const { project } = await createProject(suite.ctx.payload, clientB, tier, 'Proyek batal')
  const req = await createLocalReq({}, suite.ctx.payload)
  await initTransaction(req)
  await suite.ctx.payload.update({ collection: 'projects', id: project.id, data: { status: 'in_progress' }, overrideAccess: true, req, context: { statusActor: 'system' } })
  await killTransaction(req)

  expect(await statusJobsFor(project.id)).toHaveLength(0)
  const stored = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
  expect(stored.status).toBe('pending_payment')
})

it('reminds the owner of an unpaid invoice at each stage once, skipping the stages the runner missed', async () => {
  const { clientB, tier } = suite.world
  const { invoice } = await createProject(suite.ctx.payload, clientB, tier, 'Portal Berita Desa')
  // Due 10 March, 10:00 WIB.
  await suite.ctx.sql(`update invoices set due_date = '2026-03-10T03:00:00Z' where id = $1`, [invoice.id])
  const remindersFor = () => mailTo(clientB.email).filter((mail) => mail.subject.includes(invoice.number!))
  const runReminders = async (at: string) => {
    setClock(at)
    await suite.ctx.payload.jobs.queue({ task: 'sendInvoiceReminders', queue: 'default', input: {} })
    await suite.ctx.payload.jobs.run({ queue: 'default' })
  }

  // 6 March: four days out, before the first stage (3 days).
  await runReminders('2026-03-06T02:00:00Z')
  expect(remindersFor()).toHaveLength(0)

  // 7 March 00:30 WIB (still 6 March in UTC): three days out in Jakarta.
  await runReminders('2026-03-06T17:30:00Z')
  await smtp.waitFor((mail) => mail.subject === `Pengingat: tagihan ${invoice.number} jatuh tempo dalam 3 hari`)
  expect(remindersFor()).toHaveLength(1)

  // Again the same day, and the day after: nothing new.
  await runReminders('2026-03-07T09:00:00Z')
  await runReminders('2026-03-08T09:00:00Z')
  expect(remindersFor()).toHaveLength(1)

  // The runner was down from the due day until 20 March: one reminder, the newest stage (a week late), not three.
  await runReminders('2026-03-20T02:00:00Z')
  const overdue = await smtp.waitFor((mail) => mail.subject === `Tagihan ${invoice.number} terlambat 10 hari`)
  expect(overdue.to).toEqual([clientB.email])
  expect(overdue.text).toContain(`/portal/tagihan/${invoice.id}`)
  expect(remindersFor()).toHaveLength(2)
  const [row] = await suite.ctx.sql<{ reminders_sent: number[] }>('select reminders_sent from invoices where id = $1', [invoice.id])
  expect([...row!.reminders_sent].sort((a, b) => a - b)).toEqual([-7, -1, 0, 3])

  // Paid invoices are never reminded.
  const { invoice: paid } = await createProject(suite.ctx.payload, clientB, tier, 'Sudah lunas')
  await suite.ctx.sql(`update invoices set due_date = '2026-03-21T03:00:00Z', status = 'paid', paid_at = now() where id = $1`, [paid.id])
  await runReminders('2026-03-21T02:00:00Z')
  expect(mailTo(clientB.email).filter((mail) => mail.subject.includes(paid.number!))).toHaveLength(0)
})

it('emails the BI report to every admin with the figures as a table and a CSV attachment', async () => {
  const { admin } = suite.world
  await suite.ctx.payload.jobs.queue({ task: 'sendWeeklyBiReport', queue: 'reports', input: { from: '2026-11-23', to: '2026-11-29' } })
  await suite.ctx.payload.jobs.run({ queue: 'reports' })

  const mail = await smtp.waitFor((each) => each.subject === 'Laporan mingguan JasaWeb 2026-11-23 – 2026-11-29')
  const admins = await suite.ctx.sql<{ email: string }>(`select email from users where role = 'admin' order by email`)
  expect([...mail.to].sort()).toEqual(admins.map((row) => row.email))
  expect(mail.to).toContain(admin.email)
  expect(mail.text).toContain('Klien baru')
  expect(mail.attachments).toHaveLength(1)
  expect(mail.attachments[0]).toMatchObject({ filename: 'laporan-weekly-2026-11-23-2026-11-29.csv', contentType: 'text/csv' })
  expect(mail.attachments[0]!.content.split('\n')[0]).toMatch(/,/)
})

it('fails a scheduled report asked for a backwards range without emailing anyone', async () => {
  const before = smtp.messages.length
  const queued = await suite.ctx.payload.jobs.queue({ task: 'sendMonthlyBiReport', queue: 'reports', input: { from: '2026-11-30', to: '2026-11-01' } })
  await suite.ctx.payload.jobs.run({ queue: 'reports' })
  const job = await suite.ctx.payload.findByID({ collection: 'payload-jobs', id: queued.id, overrideAccess: true })
  expect(job.completedAt ?? null).toBeNull()
  expect(JSON.stringify(job.log)).toContain('is after to')
  expect(smtp.messages.length).toBe(before)
})
