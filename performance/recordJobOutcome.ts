import { performanceState } from './performanceState'

/** A job try's end, per task: `failed` is one failed try (it may be retried). */
export function recordJobOutcome(task: string, outcome: 'completed' | 'failed'): void {
  const state = performanceState()
  const jobs = state.current.jobs
  const counts = jobs.get(task) ?? { completed: 0, failed: 0 }
  counts[outcome] += 1
  jobs.set(task, counts)
  state.prom?.jobs.inc({ task, outcome })
}
