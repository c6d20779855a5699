import { z } from 'zod'

/** GET /api/admin/cache takes no parameters: any is refused, as the BI reports refuse unknown ones. */
export const cacheStatsQuerySchema = z.object({}).strict()

/**
 * POST /api/admin/cache-manage's body: `{ "action": "invalidate" }` empties every cache;
 * with `"prefix": "bi:summary"` only the keys that start with it go. One action for now, but
 * named, so another (say, "trim") can come without changing what this one means. Unknown keys
 * are refused: a misspelt `prefx` must not empty everything.
 */
export const cacheManageSchema = z
  .object({
    action: z.enum(['invalidate'], { error: 'must be "invalidate"' }),
    prefix: z
      .string({ error: 'must be a string' })
      .min(1, 'must not be empty (leave it out to invalidate everything)')
      .max(200, 'must be at most 200 characters')
      .regex(/^[A-Za-z0-9:._|-]+$/, 'may hold only letters, digits and : . _ | -')
      .optional(),
  })
  .strict()

export type CacheManageInput = z.output<typeof cacheManageSchema>
