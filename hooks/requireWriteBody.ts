import type { CollectionBeforeOperationHook } from 'payload'

import { BadRequest } from '../lib/errors'

const WRITES = new Set(['create', 'update'])

/**
 * A create or update from outside whose body gave Payload no document: no body, or one it
 * does not read (text/plain, a urlencoded form, a JSON array or string). Payload would go on
 * with `data` undefined and fail in its field hooks with a 500; the caller sent the wrong
 * thing, so 400, saying what to send.
 */
export const requireWriteBody: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || !WRITES.has(operation)) return args
  const { data } = args as { data?: unknown }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BadRequest('The request body must be a JSON object (Content-Type: application/json), or multipart/form-data with the document as JSON in its "_payload" field.')
  }
  return args
}
