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
