/**
 * Midtrans transaction statuses as a one-way state machine (our rule, not Midtrans'):
 * pending → settlement | expire | deny | cancel | failure; settlement → refund | partial_refund.
 * A late settlement after expire is a real payment (the customer paid) and is accepted.
 */
export const TRANSACTION_STATUSES = ['pending', 'settlement', 'capture', 'expire', 'deny', 'cancel', 'failure', 'refund', 'partial_refund', 'authorize'] as const
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number]

const NEXT: Record<string, readonly string[]> = {
  none: ['pending', 'settlement', 'expire', 'deny', 'cancel', 'failure'],
  pending: ['settlement', 'expire', 'deny', 'cancel', 'failure'],
  expire: ['settlement'],
  deny: [],
  cancel: [],
  failure: [],
  settlement: ['refund', 'partial_refund'],
  partial_refund: ['refund'],
  refund: [],
}

export function canMove(from: string | null | undefined, to: string): boolean {
  return (NEXT[from ?? 'none'] ?? []).includes(to)
}

/** Paid means settlement with fraud_status accept (when present). Capture is card-only. */
export function isPaid(status: string, fraudStatus?: string | null): boolean {
  return status === 'settlement' && (fraudStatus === undefined || fraudStatus === null || fraudStatus === 'accept')
}
