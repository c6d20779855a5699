import type { CollectionBeforeValidateHook, Field } from 'payload'

import { BadRequest } from '../lib/errors'

/** Keys Payload itself accepts on writes besides the collection's own fields. */
const SYSTEM_KEYS = new Set(['id', 'createdAt', 'updatedAt', '_status', 'password', 'confirm-password', 'file'])

function fieldNames(fields: Field[]): Set<string> {
  const names = new Set<string>()
  for (const field of fields) {
    if ('name' in field && field.name) names.add(field.name)
    // Rows, collapsibles and unnamed tabs hold fields at the same level.
    else if ('fields' in field && Array.isArray(field.fields)) for (const name of fieldNames(field.fields)) names.add(name)
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) names.add(tab.name)
        else for (const name of fieldNames(tab.fields)) names.add(name)
      }
    }
  }
  return names
}

/**
 * Payload silently drops keys it does not know; a client that sends `{ "rol": "admin" }`
 * deserves to hear that nothing happened. Requests from outside (REST, GraphQL) with
 * unknown top-level keys get a 400 naming them. Trusted server code (Local API) is exempt.
 */
export const rejectUnknownFields: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (req.payloadAPI === 'local' || !data) return data
  const known = fieldNames(collection.fields)
  const unknown = Object.keys(data).filter((key) => !known.has(key) && !SYSTEM_KEYS.has(key))
  if (unknown.length > 0) {
    throw new BadRequest(`Unknown field(s) for ${collection.slug}: ${unknown.join(', ')}.`, { unknown })
  }
  return data
}
