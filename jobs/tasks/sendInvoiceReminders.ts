import { sql } from '@payloadcms/db-postgres'
import { getCurrentDate } from 'payload'

import { addDays, daysBetween, jakartaToday } from '../../bi/biParams'
import { sqlExecutor } from '../../db/sqlExecutor'
import { invoiceReminderEmail } from '../../email/templates/invoiceReminderEmail'
import { getConfig } from '../../lib/env'
import { portalInvoicePath } from '../../src/lib/site/paths'
import { defineTask, noInput } from '../defineTask'
import { reminderDue } from '../invoiceReminderStage'

/**
 * Daily: emails the owners of unpaid invoices as their due date nears and passes
 * (INVOICE_REMINDER_DAYS), each stage once per invoice. The clock is the job system's
 * (injectable in tests).
 */
export const sendInvoiceRemindersTask = (cron: string) =>
  defineTask({
    slug: 'sendInvoiceReminders',
    label: 'Pengingat tagihan',
    queue: 'default',
    input: noInput,
    retries: 3,
    backoffMs: 60_000,
    schedule: [cron],
    handler: async (_input, req) => {
      const { INVOICE_REMINDER_DAYS: stages, SERVER_URL } = getConfig()
      const today = jakartaToday(getCurrentDate())
      const db = await sqlExecutor(req.payload)
      const { rows } = await db.execute(sql`
        select i.id, i.number, i.amount, to_char(i.due_date at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as due_day, i.due_date,
               coalesce(i.reminders_sent, '[]'::jsonb) as reminders_sent, p.name as project_name, u.name as client_name, u.email
        from invoices i join projects p on p.id = i.project_id join users u on u.id = p.owner_id
        where i.status = 'unpaid' and (i.due_date at time zone 'Asia/Jakarta')::date <= ${addDays(today, Math.max(...stages))}::date
        order by i.id`)
      const sentTo: string[] = []
      const failures: string[] = []
      for (const row of rows) {
        const daysUntilDue = daysBetween(today, String(row.due_day))
        const due = reminderDue(daysUntilDue, stages, (row.reminders_sent as number[]) ?? [])
        if (!due) continue
        const email = invoiceReminderEmail({
          clientName: String(row.client_name),
          invoiceNumber: String(row.number ?? row.id),
          projectName: String(row.project_name),
          amount: Number(row.amount),
          dueDate: new Date(row.due_date as string),
          daysUntilDue,
          payUrl: `${SERVER_URL}${portalInvoicePath(Number(row.id))}`,
        })
        try {
          await req.payload.sendEmail({ to: String(row.email), ...email })
        } catch (error) {
          failures.push(`${String(row.number)}: ${error instanceof Error ? error.message : String(error)}`)
          continue
        }
        const sent = [...new Set([...((row.reminders_sent as number[]) ?? []), ...due.reached])]
        await db.execute(sql`update invoices set reminders_sent = ${JSON.stringify(sent)}::jsonb where id = ${Number(row.id)}`)
        sentTo.push(String(row.email))
      }
      // The ones sent are recorded; a retry sends only the rest.
      if (failures.length > 0) throw new Error(`${failures.length} reminder(s) not sent: ${failures.join('; ')}`)
      return { reminders: sentTo.length, sentTo }
    },
  })
