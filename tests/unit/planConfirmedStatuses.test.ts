import type { AttemptRecord } from '../../payments/paymentRecords'
import { planConfirmedStatuses, type ConfirmedStatus } from '../../payments/planConfirmedStatuses'

function attempt(orderId: string, invoiceId: number, midtransStatus: string | null, invoiceStatus: AttemptRecord['invoiceStatus'] = 'unpaid'): [string, AttemptRecord] {
  return [orderId, { invoiceId, invoiceStatus, invoiceNumber: `INV-${invoiceId}`, projectId: invoiceId * 10, amount: 1000, attemptId: `a-${orderId}`, midtransStatus }]
}

const status = (orderId: string, invoiceId: number, value: string, extra: Partial<ConfirmedStatus> = {}): ConfirmedStatus => ({ invoiceId, orderId, status: value, raw: {}, ...extra })

describe('planning a batch of confirmed statuses', () => {
  it('pays an invoice once however many copies of its settlement share the batch', () => {
    const attempts = new Map([attempt('o1', 1, 'pending')])
    const plan = planConfirmedStatuses(attempts, [status('o1', 1, 'settlement'), status('o1', 1, 'settlement'), status('o1', 1, 'pending')])
    expect(plan.outcomes).toEqual(['paid', 'duplicate: already settlement', 'ignored: settlement → pending would move backwards'])
    expect(plan.paid).toEqual([{ invoiceId: 1, orderId: 'o1', actor: undefined, late: false }])
    expect(plan.attemptStatuses).toEqual([{ attemptId: 'a-o1', status: 'settlement' }])
    expect(plan.invoices).toEqual([{ id: 1, status: 'paid' }])
  })

  it('carries each status into the next one for the same attempt, in arrival order', () => {
    const attempts = new Map([attempt('o1', 1, 'pending')])
    const plan = planConfirmedStatuses(attempts, [status('o1', 1, 'expire'), status('o1', 1, 'settlement'), status('o1', 1, 'refund')])
    expect(plan.outcomes).toEqual(['attempt pending → expire', 'paid (late payment after expiry)', 'attempt settlement → refund, invoice refunded'])
    expect(plan.paid[0]!.late).toBe(true)
    expect(plan.refunded).toEqual([{ invoiceId: 1, orderId: 'o1', actor: undefined }])
    expect(plan.invoices).toEqual([{ id: 1, status: 'refunded' }])
    expect(plan.attemptMoves.map((move) => [move.status, move.invoiceStatus])).toEqual([['expire', 'unpaid'], ['refund', 'refunded']])
  })

  it('keeps invoices apart, ignores unknown attempts and attempts claimed for another invoice', () => {
    const attempts = new Map([attempt('o1', 1, 'pending'), attempt('o2', 2, 'pending'), attempt('o3', 3, 'settlement', 'paid')])
    const plan = planConfirmedStatuses(attempts, [
      status('o2', 2, 'settlement'),
      status('o1', 99, 'settlement'),
      status('nope', 1, 'settlement'),
      status('o3', 3, 'partial_refund'),
      status('o1', 1, 'deny'),
    ])
    expect(plan.outcomes).toEqual(['paid', 'ignored: o1 belongs to another invoice', 'ignored: unknown order id nope', 'attempt settlement → partial_refund', 'attempt pending → deny'])
    expect(plan.paid.map((move) => move.invoiceId)).toEqual([2])
    expect(plan.invoices).toEqual([{ id: 2, status: 'paid' }, { id: 3, status: null }, { id: 1, status: null }])
  })

  it('does not pay an invoice already paid through another attempt, nor a settlement fraud review holds', () => {
    const attempts = new Map([attempt('o1', 1, 'pending', 'paid'), attempt('o2', 2, 'pending')])
    const plan = planConfirmedStatuses(attempts, [status('o1', 1, 'settlement'), status('o2', 2, 'settlement', { fraudStatus: 'challenge' })])
    expect(plan.paid).toEqual([])
    expect(plan.outcomes).toEqual(['attempt pending → settlement', 'attempt pending → settlement'])
  })
})
