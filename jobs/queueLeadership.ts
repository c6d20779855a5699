import type { Pool, PoolClient } from 'pg'

import type { JobQueue } from './queues'

// The first key of the two-key advisory locks: a namespace of its own, apart from the
// one-key invoice locks of payments/withInvoiceLock.ts.
const LOCK_NAMESPACE = 7_301_001

/**
 * One elected runner per queue across every process on the database: a session advisory lock
 * per queue, held on one connection for as long as this runner lives. A process that dies
 * drops its connection and so its locks, and another runner takes the queue on its next tick.
 */
export class QueueLeadership {
  private client: PoolClient | undefined
  private readonly held = new Set<JobQueue>()

  constructor(private readonly pool: Pool) {}

  /** Tries for the queues not yet held; returns the ones this runner leads now. */
  async refresh(queues: readonly JobQueue[]): Promise<ReadonlySet<JobQueue>> {
    try {
      if (!this.client) {
        const client = await this.pool.connect()
        // An idle checked-out client reports a lost connection here; its locks went with it.
        client.on('error', () => this.drop(client))
        this.client = client
      }
      const wanted = queues.filter((queue) => !this.held.has(queue))
      const { rows } = await this.client.query<{ queue: JobQueue; ok: boolean }>(
        'select queue, pg_try_advisory_lock($1, hashtext(queue)) as ok from unnest($2::text[]) as queue',
        [LOCK_NAMESPACE, wanted],
      )
      for (const row of rows) if (row.ok) this.held.add(row.queue)
    } catch {
      if (this.client) this.drop(this.client)
    }
    return this.held
  }

  /** Gives every queue up (unlocks, returns the connection). */
  async release(): Promise<void> {
    const client = this.client
    if (!client) return
    this.client = undefined
    this.held.clear()
    try {
      await client.query('select pg_advisory_unlock_all()')
      client.release()
    } catch (error) {
      client.release(error instanceof Error ? error : true)
    }
  }

  private drop(client: PoolClient): void {
    if (this.client !== client) return
    this.client = undefined
    this.held.clear()
    client.release(true)
  }
}
