import { z } from 'zod'

import { cacheManageSchema, cacheStatsQuerySchema } from '../../cache/cacheInput'
import { JOB_STATES } from '../../jobs/jobQueueStatus'
import { performanceQuerySchema } from '../../performance/performanceParams'
import type { EndpointDoc } from '../endpointDoc'
import { isoDateTime, serialId } from '../schemas/common'

const count = z.number().int().min(0)
const instance = z.object({ id: z.string(), hostname: z.string(), pid: z.number().int() })
const counters = { hits: count, misses: count, invalidations: count }

export const cacheStatsDoc: EndpointDoc = {
  tag: 'Operations',
  summary: "This instance's caches",
  description: 'Hit rate, size, keys by prefix, invalidations and TTL of every cache this process keeps. Takes no parameters.',
  access: 'admin',
  query: cacheStatsQuerySchema,
  responses: {
    200: {
      description: 'Per cache and in total',
      schema: z.object({
        scope: z.literal('instance'),
        note: z.string(),
        instance,
        at: isoDateTime,
        totals: z.object({ caches: count, entries: count, approxBytes: count, ...counters, hitRate: z.number().nullable() }),
        caches: z.array(
          z.looseObject({
            name: z.string(),
            description: z.string(),
            ttlSeconds: z.number(),
            maxEntries: count,
            entries: count,
            approxBytes: count,
            ...counters,
            hitRate: z.number().nullable(),
            byPrefix: z.array(z.object({ prefix: z.string(), entries: count, approxBytes: count, keys: z.array(z.string()) })),
          }),
        ),
      }),
    },
  },
}

export const cacheManageDoc: EndpointDoc = {
  tag: 'Operations',
  summary: "Empty this instance's caches",
  description: '`{ "action": "invalidate" }` empties every cache; with `prefix` only the keys that start with it. Audit-logged.',
  access: 'admin',
  body: cacheManageSchema,
  responses: {
    200: {
      description: 'What was removed',
      schema: z.object({
        action: z.literal('invalidate'),
        prefix: z.string().nullable(),
        removed: count,
        caches: z.array(z.object({ name: z.string(), removed: count, keys: z.array(z.string()) })),
        scope: z.literal('instance'),
        note: z.string(),
        instance,
        audited: z.boolean(),
      }),
    },
  },
}

const queueCounts = z.object(Object.fromEntries(JOB_STATES.map((state) => [state, count])) as Record<(typeof JOB_STATES)[number], typeof count>)

export const jobsStatusDoc: EndpointDoc = {
  tag: 'Operations',
  summary: 'The jobs queue',
  description: 'Jobs per queue and state, and the newest failures.',
  access: 'admin',
  responses: {
    200: {
      description: 'Counts and failures',
      schema: z.object({
        queues: z.record(z.string(), queueCounts),
        totals: queueCounts,
        failedRecently: z.array(z.object({ id: serialId, task: z.string(), queue: z.string(), tries: count, error: z.string(), failedAt: isoDateTime })),
      }),
    },
  },
}

export const retryJobDoc: EndpointDoc = {
  tag: 'Operations',
  summary: 'Run a failed or cancelled job again',
  access: 'admin',
  responses: {
    200: { description: 'The job waits to run', schema: z.object({ id: serialId, state: z.literal('waiting') }) },
    400: { description: 'The job completed, or has not failed' },
    404: { description: 'No such job' },
  },
}

export const cancelJobDoc: EndpointDoc = {
  tag: 'Operations',
  summary: 'Cancel a job that has not completed',
  access: 'admin',
  responses: {
    200: { description: 'The job will not run', schema: z.object({ id: serialId, state: z.literal('cancelled') }) },
    400: { description: 'The job already completed' },
    404: { description: 'No such job' },
  },
}

const nullableNumber = z.number().nullable()

export const performanceIntelligenceDoc: EndpointDoc = {
  tag: 'Operations',
  summary: 'Performance intelligence',
  description:
    "The server's recorded minutes: a health score, anomalies (z-score over a moving window), trend predictions with a confidence band, daily and weekly cycles, the slowest routes, and the live minute. `threshold` and `window` default to the alerting settings.",
  access: 'admin',
  // The defaults shown are the shipped ones; the server's come from PERFORMANCE_ANOMALY_*.
  query: performanceQuerySchema({ threshold: 3, window: 30 }),
  responses: {
    200: {
      description: 'The report',
      schema: z.object({
        generatedAt: isoDateTime,
        instance: z.string(),
        params: z.object({ minutes: count, threshold: z.number(), window: count, horizon: count, confidence: z.number() }),
        range: z.object({ from: isoDateTime, to: isoDateTime, minutesWithData: count }),
        summary: z.looseObject({
          healthScore: z.number().min(0).max(100),
          status: z.string(),
          reasons: z.array(z.string()),
          requests: count,
          serverErrors: count,
          errorRate: nullableNumber,
          latencyP95: nullableNumber,
          anomalies: count,
        }),
        anomalies: z.array(z.looseObject({ minute: isoDateTime, metric: z.string() })),
        predictions: z.array(z.looseObject({ metric: z.string(), unit: z.string(), basedOnMinutes: count, confidence: z.number(), points: z.array(z.looseObject({})) })),
        seasonality: z.record(z.string(), z.looseObject({ detected: z.boolean() })),
        routes: z.array(z.looseObject({ route: z.string() })),
        series: z.array(z.looseObject({ minute: isoDateTime })),
        live: z.object({ minute: isoDateTime, requests: count, serverErrors: count, dbQueries: count, rssBytes: count, heapUsedBytes: count }),
      }),
    },
  },
}
