import { z } from 'zod'

/**
 * GET /api/admin/performance-intelligence's query. `threshold` and `window` default to the
 * server's alerting settings (PERFORMANCE_ANOMALY_*), so the endpoint shows what alerts.
 */
export function performanceQuerySchema(defaults: { threshold: number; window: number }) {
  return z
    .object({
      minutes: z.coerce.number().int().min(15).max(10_080).default(180),
      threshold: z.coerce.number().min(0.5).max(10).default(defaults.threshold),
      window: z.coerce.number().int().min(5).max(1440).default(defaults.window),
      horizon: z.coerce.number().int().min(1).max(240).default(30),
      confidence: z.coerce.number().min(0.5).max(0.999).default(0.95),
    })
    .strict()
}

export type PerformanceQuery = z.infer<ReturnType<typeof performanceQuerySchema>>
