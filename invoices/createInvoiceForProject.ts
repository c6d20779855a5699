import type { Payload, PayloadRequest } from 'payload'

import { BadRequest } from '../lib/errors'
import type { Invoice, Project } from '../payload-types'
import { INVOICE_PAYMENT_TERM_DAYS } from './invoiceNumber'

/** Bills a project at the price of its pricing tier (prices live only in `pricing`). */
export async function createInvoiceForProject(args: {
  payload: Payload
  req: PayloadRequest
  project: Project
  now?: Date
}): Promise<Invoice> {
  const { payload, req, project, now = new Date() } = args
  const tierId = typeof project.pricingTier === 'object' ? project.pricingTier.id : project.pricingTier
  const tier = await payload.findByID({ collection: 'pricing', id: tierId, req, depth: 0, overrideAccess: true })
  if (!tier) throw new BadRequest(`Pricing tier ${tierId} does not exist.`)
  const dueDate = new Date(now.getTime() + INVOICE_PAYMENT_TERM_DAYS * 24 * 60 * 60 * 1000)
  return payload.create({
    collection: 'invoices',
    data: { project: project.id, amount: tier.price, status: 'unpaid', dueDate: dueDate.toISOString() },
    req,
    overrideAccess: true,
    depth: 0,
  })
}
