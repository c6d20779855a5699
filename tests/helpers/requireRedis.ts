import { spawnSync } from 'node:child_process'

import { Redis } from 'ioredis'

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function redisProblem(): Promise<string | null> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return (await client.ping()) === 'PONG' ? null : 'PING did not answer PONG'
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    client.disconnect()
  }
}

/**
 * `describe` when Redis (REDIS_URL, default redis://127.0.0.1:6379) answers; otherwise the
 * tests are skipped with a loud warning naming `what`, except under CI=true, where a missing
 * Redis fails the run.
 */
export async function describeWithRedis(what: string): Promise<jest.Describe> {
  const problem = await redisProblem()
  if (problem && process.env.CI === 'true') {
    throw new Error(`Redis at ${TEST_REDIS_URL} is unreachable (${problem}); CI=true requires the ${what} to run.`)
  }
  if (problem) {
    console.warn(`\n*** SKIPPED: the ${what}. Redis at ${TEST_REDIS_URL} is unreachable: ${problem}. Start Redis or set REDIS_URL; under CI=true this fails. ***\n`)
  }
  return problem ? describe.skip : describe
}

/**
 * `describe` when this machine can start its own Redis (`redis-server` on the PATH, for tests
 * that kill and restart it); otherwise skipped loudly, and a failure under CI=true.
 */
export function describeWithRedisServer(what: string): jest.Describe {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  const problem = found.error ? `redis-server is not installed (${found.error.message})` : found.status === 0 ? null : `redis-server --version exited ${found.status}`
  if (problem && process.env.CI === 'true') throw new Error(`${problem}; CI=true requires the ${what} to run.`)
  if (problem) console.warn(`\n*** SKIPPED: the ${what}. ${problem}. Install redis-server (apt-get install redis-server); under CI=true this fails. ***\n`)
  return problem ? describe.skip : describe
}
