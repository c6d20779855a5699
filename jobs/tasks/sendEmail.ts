import { z } from 'zod'

import { defineTask } from '../defineTask'

/** Any message, sent off the request path (an admin's note to a client, a one-off notice). */
export const sendEmailTask = defineTask({
  slug: 'sendEmail',
  label: 'Kirim email',
  queue: 'default',
  input: z.object({
    to: z.email(),
    subject: z.string().trim().min(1).max(200),
    text: z.string().min(1).max(100_000),
    html: z.string().max(500_000).optional(),
  }),
  retries: 5,
  backoffMs: 30_000,
  handler: async (input, req) => {
    await req.payload.sendEmail(input)
    return { sentTo: input.to }
  },
})
