import type { Payload } from 'payload'

import { assertNodeCondition } from '../lib/nodeFlags'

/**
 * Starts Payload for a script or the server. The config must be the first module to pull in
 * Payload's packages: when something else (the migrations, the seed) loads them first, Node
 * 20's ESM loader under tsx can deadlock on their top-level awaits and the import never
 * settles. So callers import nothing Payload-related statically, and load the rest after this.
 * Lexical's own top-level awaits need Node's "production" condition (lib/nodeFlags.ts).
 */
export async function loadPayload(): Promise<Payload> {
  assertNodeCondition()
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  return getPayload({ config })
}
