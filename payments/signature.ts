import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Midtrans' notification signature: SHA-512 hex of order_id + status_code + gross_amount +
 * server key, using the strings exactly as received ("200", "275000.00").
 */
export function notificationSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex')
}

/** Constant-time comparison, so response timing tells a forger nothing about the signature. */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
