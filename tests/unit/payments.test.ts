import { createHash } from 'node:crypto'

import { newOrderId, ORDER_ID_PATTERN } from '../../payments/orderId'
import { notificationSignature, signatureMatches } from '../../payments/signature'
import { canMove, isPaid } from '../../payments/transactionStatus'

describe('Midtrans notification signature', () => {
  it('is SHA-512 of order_id + status_code + gross_amount + server key, as received', () => {
    const expected = createHash('sha512').update('INV-1-1-abc' + '200' + '275000.00' + 'SB-Mid-server-x').digest('hex')
    expect(notificationSignature('INV-1-1-abc', '200', '275000.00', 'SB-Mid-server-x')).toBe(expected)
    expect(notificationSignature('INV-1-1-abc', '200', '275000', 'SB-Mid-server-x')).not.toBe(expected)
  })

  it('compares without leaking length or content', () => {
    const signature = notificationSignature('o', '200', '1.00', 'k')
    expect(signatureMatches(signature, signature)).toBe(true)
    expect(signatureMatches(signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0'), signature)).toBe(false)
    expect(signatureMatches('short', signature)).toBe(false)
  })
})

describe('order ids', () => {
  it('are fresh per attempt and within Midtrans limits', () => {
    const first = newOrderId('INV-20261122-ABCDEF', 1)
    const second = newOrderId('INV-20261122-ABCDEF', 1)
    expect(first).not.toBe(second)
    for (const id of [first, second, newOrderId('INV/with spaces & symbols?'.repeat(5), 99)]) expect(id).toMatch(ORDER_ID_PATTERN)
  })
})

describe('transaction status machine', () => {
  it('never moves backwards and accepts a late payment after expiry', () => {
    expect(canMove('pending', 'settlement')).toBe(true)
    expect(canMove('settlement', 'pending')).toBe(false)
    expect(canMove('settlement', 'expire')).toBe(false)
    expect(canMove('expire', 'settlement')).toBe(true)
    expect(canMove('settlement', 'refund')).toBe(true)
    expect(canMove('refund', 'settlement')).toBe(false)
  })

  it('treats only an accepted settlement as paid', () => {
    expect(isPaid('settlement', 'accept')).toBe(true)
    expect(isPaid('settlement', undefined)).toBe(true)
    expect(isPaid('settlement', 'deny')).toBe(false)
    expect(isPaid('pending', 'accept')).toBe(false)
    expect(isPaid('capture', 'accept')).toBe(false)
  })
})
