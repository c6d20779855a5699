import type { Pool } from 'pg'

import type { JobRunnerHealth } from '../jobs/jobRunner'
import { checkDatabase, checkJobRunner, checkMigrations, checkRedis, type CheckResult } from './readinessChecks'

export type ReadinessDeps = {
  pool: Pool
  migrationNames: readonly string[]
  redisUrl: string | undefined
  jobRunner: () => JobRunnerHealth | null
  /** True once shutdown began: the balancer should stop sending traffic here. */
  shuttingDown: () => boolean
}

export type Readiness = { status: 'ready' | 'not_ready'; checks: Record<string, CheckResult> }

/** Every check at once; ready when none failed (a skipped check is not a failure). */
export async function readiness(deps: ReadinessDeps): Promise<Readiness> {
  const [database, migrations, redis] = await Promise.all([checkDatabase(deps.pool), checkMigrations(deps.pool, deps.migrationNames), checkRedis(deps.redisUrl)])
  const checks: Record<string, CheckResult> = {
    shutdown: deps.shuttingDown() ? { status: 'fail', detail: 'shutting down' } : { status: 'ok' },
    database,
    migrations,
    redis,
    jobs: checkJobRunner(deps.jobRunner()),
  }
  return { status: Object.values(checks).some((check) => check.status === 'fail') ? 'not_ready' : 'ready', checks }
}
