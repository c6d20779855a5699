import { randomBytes } from 'node:crypto'

/**
 * A fresh Midtrans order_id per payment attempt: `<invoice number>-<attempt>-<random>`.
 * At most 50 characters of letters, digits and - _ ~ . (Midtrans declines anything else);
 * reusing an order_id mixes late notifications of an old attempt into a new one.
 */
export function newOrderId(invoiceNumber: string, attempt: number): string {
  const safe = invoiceNumber.replace(/[^A-Za-z0-9\-_~.]/g, '').slice(0, 30)
  return `${safe}-${attempt}-${randomBytes(3).toString('hex')}`
}

export const ORDER_ID_PATTERN = /^[A-Za-z0-9\-_~.]{1,50}$/
