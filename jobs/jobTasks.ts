import type { TaskConfig } from 'payload'

import type { AppConfig } from '../lib/env'
import { expirePaymentAttemptsTask } from './tasks/expirePaymentAttempts'
import { publishAnnouncementTask } from './tasks/publishAnnouncement'
import { pruneNotificationsTask } from './tasks/pruneNotifications'
import { sendBiReportTask } from './tasks/sendBiReport'
import { sendEmailTask } from './tasks/sendEmail'
import { sendInvoiceRemindersTask } from './tasks/sendInvoiceReminders'
import { sendPaymentReceiptTask } from './tasks/sendPaymentReceipt'
import { sendProjectStatusEmailTask } from './tasks/sendProjectStatusEmail'

/** Every task of the queue, the scheduled ones on the crons from the configuration. */
export function jobTasks(config: AppConfig): TaskConfig[] {
  return [
    sendPaymentReceiptTask,
    publishAnnouncementTask,
    sendEmailTask,
    sendProjectStatusEmailTask,
    sendInvoiceRemindersTask(config.JOBS_INVOICE_REMINDER_CRON),
    sendBiReportTask('weekly', config.JOBS_BI_WEEKLY_CRON),
    sendBiReportTask('monthly', config.JOBS_BI_MONTHLY_CRON),
    expirePaymentAttemptsTask(config.JOBS_EXPIRE_ATTEMPTS_CRON),
    pruneNotificationsTask(config.JOBS_PRUNE_NOTIFICATIONS_CRON),
  ]
}
