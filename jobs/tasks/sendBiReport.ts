import { getCurrentDate } from 'payload'
import { z } from 'zod'

import { addDays } from '../../bi/biParams'
import { buildReport } from '../../bi/biReportBuilders'
import { sqlExecutor } from '../../db/sqlExecutor'
import { biReportEmail } from '../../email/templates/biReportEmail'
import { getConfig } from '../../lib/env'
import { defineTask, noInput } from '../defineTask'
import { previousPeriod, type ReportPeriod } from '../reportPeriod'

const LABELS: Record<ReportPeriod, string> = { weekly: 'Laporan BI mingguan', monthly: 'Laporan BI bulanan' }

/**
 * The BI summary of the last whole week or month, emailed to every admin with its figures as
 * a table and a CSV attachment. One task per period: Payload's scheduler keeps one "last
 * run" per task, so two schedules on one task would shadow each other.
 */
export const sendBiReportTask = (period: ReportPeriod, cron: string) =>
  defineTask({
    slug: period === 'weekly' ? 'sendWeeklyBiReport' : 'sendMonthlyBiReport',
    label: LABELS[period],
    queue: 'reports',
    // A run queued by hand may name its own range (a resend); scheduled runs take the last whole period.
    input: z.union([z.object({ from: z.iso.date(), to: z.iso.date() }).strict(), noInput]),
    retries: 3,
    backoffMs: 300_000,
    schedule: [cron],
    handler: async (input, req) => {
      const now = getCurrentDate()
      const { from, to } = input && 'from' in input ? input : previousPeriod(period, now)
      if (from > to) throw new Error(`from (${from}) is after to (${to})`)
      const db = await sqlExecutor(req.payload)
      const report = await buildReport('summary', db, { from, to, toExclusive: addDays(to, 1), granularity: 'day' }, now)
      const { docs: admins } = await req.payload.find({ collection: 'users', where: { role: { equals: 'admin' } }, limit: 200, depth: 0, overrideAccess: true, req })
      if (admins.length === 0) return { sentTo: [], skipped: 'no admins' }
      const email = biReportEmail({ period, from, to, report, dashboardUrl: `${getConfig().SERVER_URL}/admin` })
      const recipients = admins.map((admin) => admin.email)
      await req.payload.sendEmail({ to: recipients, ...email })
      return { sentTo: recipients, from, to }
    },
  })
