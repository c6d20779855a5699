import { z } from 'zod'

/** GET /api/inbox's query: how many of the newest items (1–100, default 20). */
export const inboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) })
