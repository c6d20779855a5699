import { z } from 'zod'

/** POST /api/projects/:id/review's body: approve, or ask for a revision with a note. */
export const reviewBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), note: z.string().max(2000).optional() }).strict(),
  z
    .object({
      action: z.literal('request_revision'),
      note: z.string().trim().min(3, 'Describe the revision you need (at least 3 characters).').max(2000),
    })
    .strict(),
])
