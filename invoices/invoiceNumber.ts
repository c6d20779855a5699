import { randomBytes } from 'node:crypto'

/** A human-readable, unguessable invoice number: INV-20261122-7F3A9C. */
export function newInvoiceNumber(now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '')
  return `INV-${day}-${randomBytes(3).toString('hex').toUpperCase()}`
}

export const INVOICE_STATUSES = ['unpaid', 'paid', 'expired', 'cancelled', 'refunded'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** Days a client has to pay a new invoice. */
export const INVOICE_PAYMENT_TERM_DAYS = 7
