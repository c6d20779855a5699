import { createLocalReq, type Payload } from 'payload'

import { BatchQueue, queuePerKey } from '../lib/batchQueue'
import { sqlExecutor } from '../db/sqlExecutor'
import { applyConfirmedStatuses } from './applyConfirmedStatuses'
import { findAttempts, type AttemptRecord } from './paymentRecords'
import type { ConfirmedStatus } from './planConfirmedStatuses'

/**
 * Confirmed statuses are applied in batches (lib/batchQueue.ts): under load, one
 * transaction's half-dozen round trips serve many notifications instead of one, which is
 * what the webhook's throughput rests on. One batch in flight per process (two measured no
 * faster on 2 cores); batches from several instances run side by side, locking invoices and
 * projects in id order so they cannot deadlock, and the one-way state machine makes their
 * order irrelevant. A batch that fails is retried a status at a time.
 */
const applyQueue = queuePerKey(
  (payload: Payload) =>
    new BatchQueue<ConfirmedStatus, string>(async (items) => applyConfirmedStatuses(await createLocalReq({}, payload), items), { maxBatch: 100, parallel: 1 }),
)

/** Applies one confirmed status; resolves with its outcome once its batch has committed. */
export function applyConfirmedStatus(payload: Payload, item: ConfirmedStatus): Promise<string> {
  return applyQueue(payload).add(item)
}

/** Attempt lookups before the status API call, batched the same way: one query per batch. */
const lookupQueue = queuePerKey(
  (payload: Payload) =>
    new BatchQueue<string, AttemptRecord | undefined>(
      async (orderIds) => {
        const found = await findAttempts(await sqlExecutor(payload), orderIds)
        return orderIds.map((orderId) => found.get(orderId))
      },
      { maxBatch: 100, parallel: 1 },
    ),
)

/** The attempt with this order id and its invoice, read outside any transaction. */
export function lookUpAttempt(payload: Payload, orderId: string): Promise<AttemptRecord | undefined> {
  return lookupQueue(payload).add(orderId)
}
