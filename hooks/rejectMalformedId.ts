import type { CollectionBeforeOperationHook } from 'payload'

import { parseId } from '../lib/http'

/**
 * Ids are Postgres serials. Without this, `/api/projects/abc` reaches the database as a
 * failed cast and answers 500; a malformed id is the caller's mistake and gets a 400.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  // REST has already parseFloat-ed the id ("1' OR 1=1" → 1): check what the caller sent.
  const sent = [req.routeParams?.id, (args as { id?: unknown }).id].filter((id) => id !== undefined && id !== null)
  for (const id of sent) parseId(String(id), `${collection.slug} id`)
  return args
}
