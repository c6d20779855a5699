import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { runAfterCommit } from '../realtime/afterCommit'
import { invalidateBiCache } from './biCache'

/** After the change commits, so no report computed in between keeps the old figures. */
export function invalidateBiAfterCommit(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): void {
  runAfterCommit(req, invalidateBiCache)
}

/** Invoices, projects and users: every change makes the BI reports stale. */
export const biInvalidationHooks: { afterChange: CollectionAfterChangeHook[]; afterDelete: CollectionAfterDeleteHook[] } = {
  afterChange: [
    ({ doc, req }) => {
      invalidateBiAfterCommit(req)
      return doc
    },
  ],
  afterDelete: [
    ({ doc, req }) => {
      invalidateBiAfterCommit(req)
      return doc
    },
  ],
}
