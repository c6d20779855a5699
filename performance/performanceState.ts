import { randomBytes } from 'node:crypto'
import type { Counter, Registry } from 'prom-client'

import type { FastHistogram } from './fastHistogram'

import { RouteCatalogue } from './normaliseRoute'
import { RingBuffer } from './ringBuffer'

/** Samples kept per minute for percentiles; counts and means cover every request beyond them. */
export const LATENCY_SAMPLES = 10_000
export const ROUTE_SAMPLES = 256

export type RouteAccumulator = { method: string; route: string; errors: number; latency: RingBuffer }
export type JobCounts = { completed: number; failed: number }

/** What one minute has recorded so far; rolled up into a MinuteRow when the minute ends. */
export type MinuteAccumulator = {
  startedAt: number
  latency: RingBuffer
  serverErrors: number
  clientErrors: number
  routes: Map<string, RouteAccumulator>
  db: RingBuffer
  dbErrors: number
  jobs: Map<string, JobCounts>
}

export type PromMetrics = {
  registry: Registry
  /** Labels method, route, status. */
  httpDuration: FastHistogram
  /** Label outcome. */
  dbDuration: FastHistogram
  jobs: Counter<'task' | 'outcome'>
}

export type PerformanceState = {
  instanceId: string
  current: MinuteAccumulator
  routes: RouteCatalogue
  /** Set once /metrics is served (performance/promMetrics.ts); recording feeds it when present. */
  prom?: PromMetrics
}

export function newMinute(now: number): MinuteAccumulator {
  return {
    startedAt: Math.floor(now / 60_000) * 60_000,
    latency: new RingBuffer(LATENCY_SAMPLES),
    serverErrors: 0,
    clientErrors: 0,
    routes: new Map(),
    db: new RingBuffer(LATENCY_SAMPLES),
    dbErrors: 0,
    jobs: new Map(),
  }
}

// server.ts's middleware and pool wrapper, the jobs and the endpoint inside Next's bundle
// hold separate module copies: the state they share lives on globalThis.
const KEY = Symbol.for('jasaweb.performance.state')

export function performanceState(): PerformanceState {
  const holder = globalThis as typeof globalThis & { [KEY]?: PerformanceState }
  holder[KEY] ??= { instanceId: `${process.pid}-${randomBytes(3).toString('hex')}`, current: newMinute(Date.now()), routes: new RouteCatalogue() }
  return holder[KEY]
}

/** Hands back the minute being recorded and starts a new one at `now`. */
export function takeMinute(now: number): MinuteAccumulator {
  const state = performanceState()
  const finished = state.current
  state.current = newMinute(now)
  return finished
}
