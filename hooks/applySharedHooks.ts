import type { CollectionConfig } from 'payload'

import { rejectMalformedId } from './rejectMalformedId'
import { rejectUnknownFields } from './rejectUnknownFields'

/** Input guards every collection gets, wired in one place (payload.config.ts). */
export function applySharedHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [rejectMalformedId, ...(hooks.beforeOperation ?? [])],
      beforeValidate: [rejectUnknownFields, ...(hooks.beforeValidate ?? [])],
    },
  }
}
