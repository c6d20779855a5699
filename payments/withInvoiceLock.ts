import { sql } from '@payloadcms/db-postgres'
import { sqlExecutor } from '../db/sqlExecutor'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/** Namespace of JasaWeb's advisory locks (first key of pg_advisory_xact_lock). */
const INVOICE_LOCK = 4242

/**
 * Runs `work` in one database transaction holding a per-invoice advisory lock, so two
 * concurrent payments or notifications for one invoice run one after the other. Everything
 * `work` writes with this `req` commits together, or not at all.
 */
export function withInvoiceLock<T>(req: PayloadRequest, invoiceId: number, work: () => Promise<T>): Promise<T> {
  return withInvoiceLocks(req, [invoiceId], work)
}

/** The same for several invoices, locked in id order so that two batches cannot deadlock. */
export async function withInvoiceLocks<T>(req: PayloadRequest, invoiceIds: readonly number[], work: () => Promise<T>): Promise<T> {
  const ownsTransaction = await initTransaction(req)
  try {
    const ids = [...new Set(invoiceIds)].sort((a, b) => a - b)
    await (await sqlExecutor(req.payload, req)).execute(sql`
      select pg_advisory_xact_lock(${INVOICE_LOCK}, l.id)
      from (select value::int as id from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) with ordinality as e(value, n) order by n) l`)
    const result = await work()
    if (ownsTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
