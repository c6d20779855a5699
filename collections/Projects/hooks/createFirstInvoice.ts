import type { CollectionAfterChangeHook } from 'payload'

import { createInvoiceForProject } from '../../../invoices/createInvoiceForProject'
import type { Project } from '../../../payload-types'

/** A project is an order: it is born with its first invoice, priced from its pricing tier. */
export const createFirstInvoice: CollectionAfterChangeHook<Project> = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context.skipFirstInvoice) return doc
  await createInvoiceForProject({ payload: req.payload, req, project: doc })
  return doc
}
