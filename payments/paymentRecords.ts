import { sql } from '@payloadcms/db-postgres'
import type { SqlExecutor } from '../db/sqlExecutor'

/**
 * The webhook's hot path in plain SQL: finding an attempt by order id, moving one attempt's
 * status, and logging a notification. Most notifications are duplicates, retries or
 * non-paying moves, and these touch one row each; going through the Local API would
 * rebuild and rewrite the whole invoice (every attempt) for each. The paying move itself
 * still goes through `payload.update`, so the invoices hooks (audit, paid side effects) run.
 */

type Executor = SqlExecutor

export type AttemptRecord = {
  invoiceId: number
  invoiceStatus: string
  amount: number
  attemptId: string
  midtransStatus: string | null
}

function toAttempt(row: Record<string, unknown> | undefined): AttemptRecord | undefined {
  if (!row) return undefined
  return {
    invoiceId: Number(row.invoice_id),
    invoiceStatus: String(row.invoice_status),
    amount: Number(row.amount),
    attemptId: String(row.attempt_id),
    midtransStatus: (row.midtrans_status as string | null) ?? null,
  }
}

/** The attempt with this order id and its invoice (order ids are unique per attempt). */
export async function findAttempt(db: Executor, orderId: string): Promise<AttemptRecord | undefined> {
  const { rows } = await db.execute(sql`
    select i.id as invoice_id, i.status as invoice_status, i.amount, a.id as attempt_id, a.midtrans_status
    from invoices_payment_attempts a join invoices i on i.id = a._parent_id
    where a.order_id = ${orderId}
    limit 1`)
  return toAttempt(rows[0])
}

export async function setAttemptStatus(db: Executor, attemptId: string, status: string): Promise<void> {
  await db.execute(sql`update invoices_payment_attempts set midtrans_status = ${status} where id = ${attemptId}`)
  await db.execute(sql`update invoices set updated_at = now() where id = (select _parent_id from invoices_payment_attempts where id = ${attemptId})`)
}

export type PaymentEventRecord = {
  orderId?: string
  transactionStatus?: string
  verified: boolean
  result: string
  invoice?: number
  raw: unknown
}

/** One row in payment-events: every notification, verified or not, with what became of it. */
export async function insertPaymentEvent(db: Executor, event: PaymentEventRecord): Promise<void> {
  await db.execute(sql`
    insert into payment_events (order_id, transaction_status, verified, result, invoice_id, raw)
    values (${event.orderId ?? null}, ${event.transactionStatus ?? null}, ${event.verified}, ${event.result.slice(0, 200)},
            ${event.invoice ?? null}, ${JSON.stringify(event.raw ?? null)}::jsonb)`)
}
