import type { Payload } from 'payload'

import type { AppConfig } from '../lib/env'
import { JobRunner } from './jobRunner'

/** The runner with the configured timing, ticking from now on (server.ts and `pnpm worker`). */
export function startJobRunner(payload: Payload, config: AppConfig, log: (message: string) => void): JobRunner {
  return new JobRunner(payload, {
    intervalMs: config.JOBS_POLL_INTERVAL_MS,
    batchLimit: config.JOBS_BATCH_LIMIT,
    staleAfterMs: config.JOBS_STALE_AFTER_MS,
    log: (message) => log(`jobs: ${message}`),
  }).start()
}
