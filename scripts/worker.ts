/**
 * `pnpm worker`: runs the jobs queue (and its schedules) in a process of its own, for
 * scaled-out deployments. It shares the servers' database (DATABASE_URL), takes the queues no
 * other runner holds (one per queue, jobs/queueLeadership.ts), and sends real-time events
 * through the Redis emitter when REDIS_URL is set. SIGTERM/SIGINT let the running batch finish.
 */
import { closePayloadPool } from '../db/closePayloadPool'
import { loadPayload } from '../db/loadPayload'
import { ConfigError, getConfig, loadDotEnv } from '../lib/env'

const log = (message: string) => console.log(`[jasaweb worker] ${message}`)

loadDotEnv()
let config
try {
  config = getConfig()
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
if (!config.DATABASE_URL) {
  console.error('pnpm worker needs DATABASE_URL: the embedded database belongs to the server process that started it (pnpm start).')
  process.exit(1)
}

const payload = await loadPayload()
const { startJobRunner } = await import('../jobs/startJobRunner')
const { JOB_QUEUES } = await import('../jobs/queues')
const runner = startJobRunner(payload, config, log)
// The worker's own minute rows (jobs, queries, memory): its job outcomes are recorded here.
const { startPerformanceMonitor } = await import('../performance/performanceMonitor')
const performanceMonitor = startPerformanceMonitor(payload, config, log)
log(`running queues ${JOB_QUEUES.join(', ')} (every ${config.JOBS_POLL_INTERVAL_MS} ms)${config.REDIS_URL ? ', events through Redis' : ''}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log(`${signal}: finishing the running batch`)
    const forceExit = setTimeout(() => {
      log('stop took over 30 s: exiting')
      process.exit(1)
    }, 30_000)
    forceExit.unref()
    void runner
      .stop()
      .then(() => performanceMonitor.stop())
      .then(() => closePayloadPool(payload))
      .then(() => {
        log('stopped')
        process.exit(0)
      })
  })
}
