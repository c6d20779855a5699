import type { PayloadHandler, PayloadRequest } from 'payload'

import { errorResponse, Forbidden, Unauthorized } from '../lib/errors'
import { isAdmin } from './roles'

/** For custom admin endpoints: 401 without a user, 403 (with `refusal`) for anyone but an admin. */
export function requireAdmin(req: PayloadRequest, refusal: string): void {
  if (!req.user) throw new Unauthorized()
  if (!isAdmin(req.user)) throw new Forbidden(refusal)
}

/**
 * A custom admin endpoint's handler: refuses anyone but an admin (401/403 with `refusal`),
 * then runs `handle`; whatever it throws becomes its clear 4xx (or 503) through errorResponse.
 */
export function adminHandler(refusal: string, handle: (req: PayloadRequest) => Promise<Response>): PayloadHandler {
  return async (req) => {
    try {
      requireAdmin(req, refusal)
      return await handle(req)
    } catch (error) {
      return errorResponse(error)
    }
  }
}
