import type { Pool, PoolClient } from 'pg'

import { performanceState } from './performanceState'

export function recordQuery(durationMs: number, failed: boolean): void {
  const state = performanceState()
  state.current.db.push(durationMs)
  if (failed) state.current.dbErrors += 1
  const outcome = failed ? 'error' : 'ok'
  state.prom?.dbDuration.observe(outcome, () => ({ outcome }), durationMs / 1000)
}

const WRAPPED = Symbol.for('jasaweb.performance.wrappedQuery')
type Wrappable = { [WRAPPED]?: true; query: (...args: unknown[]) => unknown }
type PoolInternals = Pool & { [WRAPPED]?: true; _clients?: PoolClient[] }

/**
 * Times every query on Payload's pool. pool.query and transactions (pool.connect) both end in
 * a client's query(), so each client's is wrapped: the ones open now and each new one. The
 * caller gets exactly what the original returned (the same promise, or its callback called
 * with the same arguments); submittables (cursors, streams) pass through untimed, since
 * listening for their 'error' would change how an unhandled one behaves.
 */
export function instrumentPool(pool: Pool, record: (durationMs: number, failed: boolean) => void = recordQuery): void {
  const internals = pool as PoolInternals
  if (internals[WRAPPED]) return
  internals[WRAPPED] = true
  for (const client of internals._clients ?? []) wrapClient(client as unknown as Wrappable, record)
  pool.on('connect', (client) => wrapClient(client as unknown as Wrappable, record))
}

function wrapClient(client: Wrappable, record: (durationMs: number, failed: boolean) => void): void {
  if (client[WRAPPED]) return
  client[WRAPPED] = true
  const original = client.query
  const safeRecord = (startedAt: number, failed: boolean) => {
    try {
      record(performance.now() - startedAt, failed)
    } catch {
      // Recording must never break a query.
    }
  }
  client.query = function timedQuery(this: unknown, ...args: unknown[]) {
    const startedAt = performance.now()
    const last = args[args.length - 1]
    if (typeof last === 'function') {
      args[args.length - 1] = function timedCallback(this: unknown, error: unknown, ...rest: unknown[]) {
        safeRecord(startedAt, Boolean(error))
        return (last as (...callbackArgs: unknown[]) => unknown).call(this, error, ...rest)
      }
      return original.apply(this, args)
    }
    const result = original.apply(this, args)
    if (result instanceof Promise) {
      result.then(
        () => safeRecord(startedAt, false),
        () => safeRecord(startedAt, true),
      )
    }
    return result
  }
}
