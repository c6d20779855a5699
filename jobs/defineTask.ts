import type { PayloadRequest, TaskConfig, TaskType } from 'payload'
import { z } from 'zod'

import { recordJobOutcome } from '../performance/recordJobOutcome'
import type { JobQueue } from './queues'
import { raiseJobFailureAlert } from './raiseJobFailureAlert'

export type TaskDefinition<Input extends z.ZodType, Output extends Record<string, unknown>> = {
  slug: TaskType
  label: string
  queue: JobQueue
  /** The input, checked before the handler runs: a job queued with bad input fails with zod's message, naming the field. */
  input: Input
  /** Retries after the first try; the wait doubles from backoffMs each time (Payload's exponential backoff). */
  retries: number
  backoffMs: number
  /** Cron expressions (the server's time zone) on which Payload's scheduler queues the task. */
  schedule?: string[]
  handler: (input: z.infer<Input>, req: PayloadRequest) => Promise<Output>
}

/** The input of a task that takes none (a scheduled job is queued with `{}`, one queued by hand may have none). */
export const noInput = z.object({}).strict().nullish()

/** Thrown for input no retry can fix. */
export class InvalidJobInput extends Error {
  constructor(slug: string, issues: z.core.$ZodIssue[]) {
    super(`${slug}: invalid input: ${issues.map((issue) => `${issue.path.join('.') || '(input)'} ${issue.message}`).join('; ')}`)
    this.name = 'InvalidJobInput'
  }
}

// Payload's onFail is not told the error; the handler leaves it here for the alert (same process, same tick).
const lastErrors = new Map<string | number, string>()

/**
 * A Payload task from one definition: slug, zod input, retries with exponential backoff,
 * queue, schedule and handler side by side. When the last retry fails, admins get an
 * admin_alert (the job stays in the queue, failed, for them to retry or cancel).
 */
export function defineTask<Input extends z.ZodType, Output extends Record<string, unknown>>(definition: TaskDefinition<Input, Output>): TaskConfig {
  return {
    slug: definition.slug,
    label: definition.label,
    retries: { attempts: definition.retries, backoff: { type: 'exponential', delay: definition.backoffMs } },
    schedule: definition.schedule?.map((cron) => ({ cron, queue: definition.queue })),
    handler: async ({ input, job, req }) => {
      try {
        const parsed = definition.input.safeParse(input)
        if (!parsed.success) throw new InvalidJobInput(definition.slug, parsed.error.issues)
        const output = await definition.handler(parsed.data, req)
        recordJobOutcome(definition.slug, 'completed')
        return { output }
      } catch (error) {
        recordJobOutcome(definition.slug, 'failed')
        lastErrors.set(job.id, error instanceof Error ? error.message : String(error))
        throw error
      }
    },
    // Payload calls onFail after every failed try; the final one is the try that has used up the retries.
    onFail: async ({ job, req, taskStatus }) => {
      const error = lastErrors.get(job.id) ?? 'unknown error'
      lastErrors.delete(job.id)
      const tried = taskStatus?.totalTried ?? 0
      if (tried < definition.retries) return
      await raiseJobFailureAlert(req, { jobId: job.id, task: definition.slug, label: definition.label, queue: definition.queue, tries: tried + 1, error })
    },
  }
}
