import { z } from 'zod'

import { defineTask, noInput } from '../../jobs/defineTask'
import { reminderDue } from '../../jobs/invoiceReminderStage'
import { previousPeriod } from '../../jobs/reportPeriod'
import { parseEnv } from '../../lib/env'

const STAGES = [3, 0, -1, -7]

describe('invoice reminder stages', () => {
  it('sends nothing before the first stage', () => {
    expect(reminderDue(4, STAGES, [])).toBeNull()
  })

  it('sends each stage on its day, once', () => {
    expect(reminderDue(3, STAGES, [])).toEqual({ stage: 3, reached: [3] })
    expect(reminderDue(2, STAGES, [3])).toBeNull()
    expect(reminderDue(0, STAGES, [3])).toEqual({ stage: 0, reached: [3, 0] })
    expect(reminderDue(-1, STAGES, [3, 0])).toEqual({ stage: -1, reached: [3, 0, -1] })
    expect(reminderDue(-3, STAGES, [3, 0, -1])).toBeNull()
    expect(reminderDue(-7, STAGES, [3, 0, -1])).toEqual({ stage: -7, reached: [3, 0, -1, -7] })
    expect(reminderDue(-40, STAGES, [3, 0, -1, -7])).toBeNull()
  })

  it('sends only the newest stage reached after missed days, marking the skipped ones sent', () => {
    expect(reminderDue(-2, STAGES, [])).toEqual({ stage: -1, reached: [3, 0, -1] })
  })
})

describe('report periods (Asia/Jakarta)', () => {
  it('take the whole week Monday to Sunday before this one', () => {
    // Wednesday 4 March 2026, 10:00 WIB.
    expect(previousPeriod('weekly', new Date('2026-03-04T03:00:00Z'))).toEqual({ from: '2026-02-23', to: '2026-03-01' })
    // Monday 2 March 2026 00:30 WIB is still Sunday 1 March in UTC: the week is Jakarta's.
    expect(previousPeriod('weekly', new Date('2026-03-01T17:30:00Z'))).toEqual({ from: '2026-02-23', to: '2026-03-01' })
  })

  it('take the whole calendar month before this one, across a year and a leap February', () => {
    expect(previousPeriod('monthly', new Date('2026-01-01T01:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(previousPeriod('monthly', new Date('2024-03-15T05:00:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    // 1 March 00:30 WIB: February is over in Jakarta although UTC is still in it.
    expect(previousPeriod('monthly', new Date('2024-02-29T17:30:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })
})

describe('task definitions', () => {
  const task = defineTask({
    slug: 'sendEmail',
    label: 'Contoh',
    queue: 'default',
    input: z.object({ invoiceId: z.number().int().positive() }),
    retries: 2,
    backoffMs: 1_000,
    handler: async ({ invoiceId }) => ({ doubled: invoiceId * 2 }),
  })
  const run = (input: unknown) =>
    (task.handler as (args: { input: unknown; job: { id: number }; req: unknown }) => Promise<{ output: unknown }>)({ input, job: { id: 1 }, req: {} })

  it('carry retries with exponential backoff into Payload', () => {
    expect(task.retries).toEqual({ attempts: 2, backoff: { type: 'exponential', delay: 1_000 } })
  })

  it('hand the handler parsed input and return its output', async () => {
    await expect(run({ invoiceId: 21 })).resolves.toEqual({ output: { doubled: 42 } })
  })

  it('fail a job whose input does not match, naming the field', async () => {
    await expect(run({ invoiceId: 'x' })).rejects.toThrow(/sendEmail: invalid input: invoiceId/)
    await expect(run(undefined)).rejects.toThrow(/sendEmail: invalid input/)
  })

  it('accept no input, or an empty one, for tasks that take none', () => {
    expect(noInput.safeParse(undefined).success).toBe(true)
    expect(noInput.safeParse({}).success).toBe(true)
    expect(noInput.safeParse({ extra: 1 }).success).toBe(false)
  })
})

describe('jobs configuration', () => {
  it('has defaults for every schedule and the reminder days, largest first', () => {
    const config = parseEnv({ DATA_DIR: '/tmp/jasaweb-env-test', PAYLOAD_SECRET: 'x'.repeat(32), CREDENTIALS_KEY: 'a'.repeat(64) })
    expect(config.INVOICE_REMINDER_DAYS).toEqual([3, 0, -1, -7])
    expect(config.JOBS_RUN_IN_SERVER).toBe(true)
    expect(config.JOBS_PRUNE_NOTIFICATIONS_CRON).toBe('30 19 * * *')
  })

  it('refuses a malformed cron expression or reminder list at start-up, naming the variable', () => {
    const base = { DATA_DIR: '/tmp/jasaweb-env-test', PAYLOAD_SECRET: 'x'.repeat(32), CREDENTIALS_KEY: 'a'.repeat(64) }
    expect(() => parseEnv({ ...base, JOBS_BI_WEEKLY_CRON: 'every monday' })).toThrow(/JOBS_BI_WEEKLY_CRON/)
    expect(() => parseEnv({ ...base, JOBS_BI_WEEKLY_CRON: '99 1 * * 1' })).toThrow(/JOBS_BI_WEEKLY_CRON/)
    expect(() => parseEnv({ ...base, INVOICE_REMINDER_DAYS: '3;0' })).toThrow(/INVOICE_REMINDER_DAYS/)
    expect(parseEnv({ ...base, INVOICE_REMINDER_DAYS: '-1,5,0' }).INVOICE_REMINDER_DAYS).toEqual([5, 0, -1])
  })

  it('refuses a batch of jobs that could take every pooled connection from the requests', () => {
    const base = { DATA_DIR: '/tmp/jasaweb-env-test', PAYLOAD_SECRET: 'x'.repeat(32), CREDENTIALS_KEY: 'a'.repeat(64) }
    expect(() => parseEnv({ ...base, JOBS_BATCH_LIMIT: '10' })).toThrow(/JOBS_BATCH_LIMIT: must be below DATABASE_POOL_MAX \(10\)/)
    expect(parseEnv({ ...base, JOBS_BATCH_LIMIT: '10', DATABASE_POOL_MAX: '20' }).JOBS_BATCH_LIMIT).toBe(10)
    expect(parseEnv(base).JOBS_BATCH_LIMIT).toBeLessThan(parseEnv(base).DATABASE_POOL_MAX)
  })
})
