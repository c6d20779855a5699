import type { Payload } from 'payload'

import type { AppConfig } from '../lib/env'
import type { RequestsInFlight } from '../lib/requestsInFlight'
import { JobRunner } from './jobRunner'

/** The longest a batch waits for the server's requests to finish (so jobs slow down under load, never stop). */
export const JOBS_YIELD_MAX_MS = 250
/** Requests this recent mean more may follow: the runner takes one job at a time. */
const BUSY_WINDOW_MS = 100

/**
 * The runner with the configured timing, ticking from now on. In server.ts, given the
 * server's requests in flight, each batch waits for a quiet moment and, while requests keep
 * coming, holds one job instead of JOBS_BATCH_LIMIT: a PATCH that arrives mid-batch then
 * waits for one job's slice of CPU, not four (the targeted real-time event's p99 in
 * `pnpm bench:realtime` went from 57–68 ms to under 50). `pnpm worker`, which answers no
 * requests, takes full batches without waiting.
 */
export function startJobRunner(payload: Payload, config: AppConfig, log: (message: string) => void, requests?: RequestsInFlight): JobRunner {
  return new JobRunner(payload, {
    intervalMs: config.JOBS_POLL_INTERVAL_MS,
    batchLimit: config.JOBS_BATCH_LIMIT,
    staleAfterMs: config.JOBS_STALE_AFTER_MS,
    log: (message) => log(`jobs: ${message}`),
    beforeBatch: requests
      ? async (batchLimit) => {
          await requests.whenIdle(JOBS_YIELD_MAX_MS)
          return requests.busyWithin(BUSY_WINDOW_MS) ? 1 : batchLimit
        }
      : undefined,
  }).start()
}
