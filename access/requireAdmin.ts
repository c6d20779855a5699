import type { PayloadRequest } from 'payload'

import { Forbidden, Unauthorized } from '../lib/errors'
import { isAdmin } from './roles'

/** For custom admin endpoints: 401 without a user, 403 (with `refusal`) for anyone but an admin. */
export function requireAdmin(req: PayloadRequest, refusal: string): void {
  if (!req.user) throw new Unauthorized()
  if (!isAdmin(req.user)) throw new Forbidden(refusal)
}
