import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client'

import { getRealtimeServer } from '../realtime/registry'
import { FastHistogram } from './fastHistogram'
import { performanceState, type PromMetrics } from './performanceState'

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const QUERY_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5]

/**
 * The Prometheus registry of this process, made once and kept in the shared state so every
 * module copy records into the same metrics: Node's default process metrics (CPU, memory,
 * GC, event-loop lag as nodejs_eventloop_lag_*), and the app's own.
 */
export function promMetrics(): PromMetrics {
  const state = performanceState()
  if (state.prom) return state.prom
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  new Gauge({
    name: 'jasaweb_socketio_connections',
    help: 'Socket.IO connections open on this instance.',
    registers,
    collect() {
      this.set(getRealtimeServer()?.io.engine.clientsCount ?? 0)
    },
  })
  const httpDuration = new FastHistogram('jasaweb_http_request_duration_seconds', 'HTTP requests by method, route template and status.', SECONDS)
  const dbDuration = new FastHistogram('jasaweb_db_query_duration_seconds', 'Queries on the database pool, by outcome.', QUERY_SECONDS)
  registry.registerMetric(httpDuration.asMetric())
  registry.registerMetric(dbDuration.asMetric())
  state.prom = {
    registry,
    httpDuration,
    dbDuration,
    jobs: new Counter({ name: 'jasaweb_jobs_total', help: 'Job tries that ended, by task and outcome (completed, failed).', labelNames: ['task', 'outcome'], registers }),
  }
  return state.prom
}
