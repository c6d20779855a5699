import { sql } from '@payloadcms/db-postgres'
import { getCurrentDate } from 'payload'

import { sqlExecutor } from '../../db/sqlExecutor'
import { getConfig } from '../../lib/env'
import { defineTask, noInput } from '../defineTask'

const DAY_MS = 86_400_000

/**
 * Daily clean-up of the inbox table: events older than NOTIFICATIONS_RETENTION_DAYS that
 * their reader has read, and role-wide ones (announcements, admin alerts) of that age. A
 * client's unread personal events stay until read. One DELETE: the rows have no hooks or
 * relations of their own, and a replay cursor older than the oldest row simply starts there.
 * Completed jobs older than JOBS_KEEP_COMPLETED_DAYS go too (failed ones stay for the admins).
 */
export const pruneNotificationsTask = (cron: string) =>
  defineTask({
    slug: 'pruneNotifications',
    label: 'Bersihkan notifikasi lama',
    queue: 'default',
    input: noInput,
    retries: 3,
    backoffMs: 60_000,
    schedule: [cron],
    handler: async (_input, req) => {
      const now = getCurrentDate().getTime()
      const { NOTIFICATIONS_RETENTION_DAYS, JOBS_KEEP_COMPLETED_DAYS } = getConfig()
      const cutoff = new Date(now - NOTIFICATIONS_RETENTION_DAYS * DAY_MS).toISOString()
      const jobsCutoff = new Date(now - JOBS_KEEP_COMPLETED_DAYS * DAY_MS).toISOString()
      const db = await sqlExecutor(req.payload)
      const { rows } = await db.execute(sql`
        with notifications_pruned as (
          delete from notifications where created_at < ${cutoff}::timestamptz and (read_at is not null or recipient_id is null)
          returning 1),
        jobs_pruned as (
          delete from payload_jobs where completed_at < ${jobsCutoff}::timestamptz
          returning 1)
        select (select count(*)::int from notifications_pruned) as notifications, (select count(*)::int from jobs_pruned) as jobs`)
      return { notifications: Number(rows[0]?.notifications ?? 0), completedJobs: Number(rows[0]?.jobs ?? 0), olderThan: cutoff }
    },
  })
