import type { CollectionBeforeOperationHook } from 'payload'

import { BadRequest } from '../lib/errors'

const SERIAL_ID = /^[1-9][0-9]{0,15}$/

/**
 * Ids are Postgres serials. Without this, `/api/projects/abc` reaches the database as a
 * failed cast and answers 500; a malformed id is the caller's mistake and gets a 400.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  // REST has already parseFloat-ed the id ("1' OR 1=1" → 1): check what the caller sent.
  const sent = [req.routeParams?.id, (args as { id?: unknown }).id].filter((id) => id !== undefined && id !== null)
  for (const id of sent) {
    const text = String(id)
    if (!SERIAL_ID.test(text) || !Number.isSafeInteger(Number(text))) {
      throw new BadRequest(`"${text.slice(0, 40)}" is not a valid ${collection.slug} id.`)
    }
  }
  return args
}
