import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { Pool } from 'pg'
import type { Payload } from 'payload'

import { sqlExecutor } from '../db/sqlExecutor'
import type { AppConfig } from '../lib/env'
import { getRealtimeServer } from '../realtime/registry'
import { currentAnomalies } from './analysePerformance'
import { instrumentPool } from './instrumentPool'
import { persistMinute, pruneMinutes } from './persistMinute'
import { performanceState, takeMinute } from './performanceState'
import { promMetrics } from './promMetrics'
import { raiseAnomalyAlerts } from './raiseAnomalyAlerts'
import { readMinuteSeries } from './readSeries'
import { rollUpMinute, type MinuteGauges, type MinuteRow } from './rollUpMinute'

export type MonitorSettings = Pick<AppConfig, 'PERFORMANCE_RETENTION_DAYS' | 'PERFORMANCE_ANOMALY_THRESHOLD' | 'PERFORMANCE_ANOMALY_WINDOW_MINUTES' | 'PERFORMANCE_ALERT_COOLDOWN_MINUTES'> &
  Partial<Pick<AppConfig, 'METRICS_TOKEN'>>

const NS_PER_MS = 1e6
/** How often the event-loop monitor's timer fires. */
export const LOOP_RESOLUTION_MS = 20

/**
 * The end-of-minute readings: event-loop lag since the last reset, memory now, open sockets.
 * The monitor records the whole time between its timer's runs, so an idle loop reads about
 * the resolution: that is taken off, leaving the lag.
 */
export function readGauges(loop: IntervalHistogram | undefined): MinuteGauges {
  const memory = process.memoryUsage()
  const measured = loop !== undefined && loop.count > 0
  const lag = (nanoseconds: number) => Math.max(0, nanoseconds / NS_PER_MS - LOOP_RESOLUTION_MS)
  return {
    eventLoopLag: measured ? { mean: lag(loop.mean), p99: lag(loop.percentile(99)), max: lag(loop.max) } : null,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    sockets: getRealtimeServer()?.io.engine.clientsCount ?? 0,
  }
}

/**
 * What happens once a minute is over: its row is stored, old rows pruned (once an hour), and
 * the newest minutes checked for anomalies, each new one raised as an admin_alert. Exported
 * for tests, which hand it a row instead of waiting for the clock.
 */
export async function storeMinute(payload: Payload, row: MinuteRow, settings: MonitorSettings): Promise<{ pruned: number; alerted: string[] }> {
  const db = await sqlExecutor(payload)
  await persistMinute(db, row)
  const minute = new Date(row.minute)
  const pruned = minute.getUTCMinutes() === 0 ? await pruneMinutes(db, settings.PERFORMANCE_RETENTION_DAYS, minute) : 0
  const window = settings.PERFORMANCE_ANOMALY_WINDOW_MINUTES
  // The window's minutes plus some slack for minutes without data (no requests).
  const series = await readMinuteSeries(db, new Date(minute.getTime() - 2 * window * 60_000), new Date(minute.getTime() + 60_000))
  const anomalies = currentAnomalies(series, { window, threshold: settings.PERFORMANCE_ANOMALY_THRESHOLD })
  const alerted = await raiseAnomalyAlerts(payload, anomalies, { cooldownMinutes: settings.PERFORMANCE_ALERT_COOLDOWN_MINUTES, now: new Date(minute.getTime() + 60_000) })
  return { pruned, alerted }
}

/**
 * Starts recording in this process: times the queries on Payload's pool, measures the event
 * loop, and at every minute boundary rolls the minute up and stores it (one at a time, in
 * order). Requests are recorded by server.ts's middleware, jobs by defineTask; with
 * METRICS_TOKEN set they also feed the Prometheus registry from the start.
 */
export function startPerformanceMonitor(payload: Payload, settings: MonitorSettings, log: (message: string) => void): { stop: () => Promise<void> } {
  instrumentPool((payload.db as unknown as { pool: Pool }).pool)
  // Prometheus only when it can be scraped: its default metrics (a GC observer among them) cost every request a little.
  if (settings.METRICS_TOKEN) promMetrics()
  // Whatever was recorded before start (Next preparing) does not belong to one minute.
  takeMinute(Date.now())
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
  loop.enable()
  let timer: NodeJS.Timeout | undefined
  let chain = Promise.resolve()
  let stopped = false
  const instance = performanceState().instanceId
  const schedule = () => {
    // A little past the boundary, so the new minute has begun when the old one is taken.
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50)
    timer.unref()
  }
  const tick = () => {
    if (stopped) return
    const row = rollUpMinute(takeMinute(Date.now()), readGauges(loop), instance)
    loop.reset()
    chain = chain
      .then(() => storeMinute(payload, row, settings))
      .then(({ alerted }) => {
        if (alerted.length > 0) log(`performance anomaly alerted: ${alerted.join(', ')}`)
      })
      .catch((error: unknown) => payload.logger.error({ err: error }, 'storing the performance minute failed'))
    schedule()
  }
  schedule()
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      loop.disable()
      await chain
    },
  }
}
