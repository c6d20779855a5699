import { z } from 'zod'

import { PRIORITIES } from './protocol'

/** POST /api/websocket/broadcast's body: an announcement published now. */
export const broadcastBody = z
  .object({
    title: z.string().trim().min(1, 'required').max(200),
    body: z.string().trim().min(1, 'required').max(4000),
    priority: z.enum(PRIORITIES).default('medium'),
    audience: z.enum(['all', 'clients', 'admins']).default('all'),
  })
  .strict()

/** A Socket.IO connection id, as DELETE /api/websocket/connections/:id takes it. */
export const connectionParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a connection id') })
