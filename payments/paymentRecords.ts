import { sql } from '@payloadcms/db-postgres'
import type { Statement } from '../db/executeTogether'
import type { SqlExecutor } from '../db/sqlExecutor'
import type { Invoice } from '../payload-types'
import type { LockedProject } from '../projects/systemMove'

/**
 * The webhook's hot path in plain SQL, a batch at a time: finding attempts by order id,
 * moving their statuses and their invoices, and logging notifications. Each touches a row
 * or two; the Local API would rebuild and rewrite the whole invoice (every attempt) for
 * each. The paid side effects are the ones the invoices hook runs (onInvoicePaid.ts).
 */

type Executor = SqlExecutor

export type AttemptRecord = {
  invoiceId: number
  invoiceStatus: Invoice['status']
  invoiceNumber: string
  projectId: number
  amount: number
  attemptId: string
  midtransStatus: string | null
}

function toAttempt(row: Record<string, unknown> | undefined): AttemptRecord | undefined {
  if (!row) return undefined
  return {
    invoiceId: Number(row.invoice_id),
    invoiceStatus: String(row.invoice_status) as Invoice['status'],
    invoiceNumber: String(row.invoice_number),
    projectId: Number(row.project_id),
    amount: Number(row.amount),
    attemptId: String(row.attempt_id),
    midtransStatus: (row.midtrans_status as string | null) ?? null,
  }
}

/** Attempts by order id (unique per attempt), with their invoices. */
export async function findAttempts(db: Executor, orderIds: readonly string[]): Promise<Map<string, AttemptRecord>> {
  const { rows } = await db.execute(sql`
    select i.id as invoice_id, i.status as invoice_status, i.number as invoice_number, i.project_id, i.amount,
           a.id as attempt_id, a.order_id, a.midtrans_status
    from invoices_payment_attempts a join invoices i on i.id = a._parent_id
    where a.order_id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(orderIds)])}::jsonb))`)
  return new Map(rows.map((row) => [String(row.order_id), toAttempt(row)!]))
}

/**
 * The same inside a transaction that holds the invoices' locks, also locking the attempts'
 * projects (in id order, so concurrent batches cannot deadlock) for the paid side effects.
 */
export async function lockAttemptsAndProjects(db: Executor, orderIds: readonly string[]): Promise<{ attempts: Map<string, AttemptRecord>; projects: Map<number, LockedProject> }> {
  const { rows } = await db.execute(sql`
    select i.id as invoice_id, i.status as invoice_status, i.number as invoice_number, i.project_id, i.amount,
           a.id as attempt_id, a.order_id, a.midtrans_status, p.name as project_name, p.owner_id as project_owner, p.status as project_status
    from invoices_payment_attempts a join invoices i on i.id = a._parent_id join projects p on p.id = i.project_id
    where a.order_id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(orderIds)])}::jsonb))
    order by p.id
    for update of p`)
  const projects = new Map<number, LockedProject>()
  for (const row of rows) {
    const id = Number(row.project_id)
    projects.set(id, { id, name: String(row.project_name), owner: row.project_owner === null ? null : Number(row.project_owner), status: String(row.project_status) })
  }
  return { attempts: new Map(rows.map((row) => [String(row.order_id), toAttempt(row)!])), projects }
}

/** New Midtrans statuses for attempts (a statement for db/executeTogether.ts). */
export function attemptStatusesUpdate(moves: readonly { attemptId: string; status: string }[]): Statement {
  return sql`
    update invoices_payment_attempts a set midtrans_status = v.status
    from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) as v("attemptId" varchar, status varchar)
    where a.id = v."attemptId"
    returning a.id`
}

/**
 * Touches the invoices whose attempts moved, and moves the ones that became paid (with
 * paidAt) or refunded (a statement for db/executeTogether.ts).
 */
export function invoicesUpdate(changes: readonly { id: number; status: 'paid' | 'refunded' | null }[]): Statement {
  return sql`
    update invoices i
    set updated_at = now(),
        status = coalesce(v.status, i.status),
        paid_at = case when v.status = 'paid' then now() else i.paid_at end
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(id int, status enum_invoices_status)
    where i.id = v.id
    returning i.id`
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
  await db.execute(paymentEventsInsert([event]))
}

/** The INSERT of payment-events rows (a statement for db/executeTogether.ts). */
export function paymentEventsInsert(events: readonly PaymentEventRecord[]): Statement {
  const values = events.map((event) => ({
    order_id: event.orderId ?? null,
    transaction_status: event.transactionStatus ?? null,
    verified: event.verified,
    result: event.result.slice(0, 200),
    invoice_id: event.invoice ?? null,
    raw: event.raw ?? null,
  }))
  return sql`
    insert into payment_events (order_id, transaction_status, verified, result, invoice_id, raw)
    select v.order_id, v.transaction_status, v.verified, v.result, v.invoice_id, coalesce(v.raw, 'null'::jsonb)
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(order_id varchar, transaction_status varchar, verified boolean, result varchar, invoice_id int, raw jsonb)
    returning id`
}
