import type { CollectionConfig } from 'payload'

import { refuseDeletingReferenced } from './refuseDeletingReferenced'
import { rejectMalformedId } from './rejectMalformedId'
import { rejectUnknownFields } from './rejectUnknownFields'
import { requireWriteBody } from './requireWriteBody'

/** Input guards (and the refusal to delete what others require) every collection gets, wired in one place (payload.config.ts). */
export function applySharedHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [rejectMalformedId, requireWriteBody, ...(hooks.beforeOperation ?? [])],
      beforeValidate: [rejectUnknownFields, ...(hooks.beforeValidate ?? [])],
      beforeDelete: [refuseDeletingReferenced, ...(hooks.beforeDelete ?? [])],
    },
  }
}
