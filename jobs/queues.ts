/**
 * The queues, highest priority first: the runner drains a queue before it looks at the next
 * and goes back to the top after every batch, so a payment receipt never waits behind a
 * report. Each task names its queue here and nowhere else.
 */
export const JOB_QUEUES = ['payments', 'default', 'reports'] as const
export type JobQueue = (typeof JOB_QUEUES)[number]

export const isJobQueue = (value: unknown): value is JobQueue => typeof value === 'string' && (JOB_QUEUES as readonly string[]).includes(value)
