import { sql } from '@payloadcms/db-postgres'
import { getCurrentDate } from 'payload'

import { sqlExecutor } from '../../db/sqlExecutor'
import { PaymentProviderRejected } from '../../lib/errors'
import { applyConfirmedStatus } from '../../payments/confirmedStatusQueue'
import { payments } from '../../payments/gateway'
import { defineTask, noInput } from '../defineTask'

/** How long Midtrans may keep calling an attempt pending after its expiry before we call it expired ourselves. */
const PENDING_GRACE_MS = 10 * 60_000
const BATCH = 200

/**
 * Pending QRIS attempts past their expiry, settled with Midtrans: each is looked up with the
 * status API and applied like a notification (a missed settlement pays; an expiry tells the
 * client). Midtrans not knowing the order, or still saying pending well past the expiry, is
 * taken as expired: the one-way attempt states still accept a late settlement afterwards.
 * Midtrans unreachable → the task fails and retries with backoff.
 */
export const expirePaymentAttemptsTask = (cron: string) =>
  defineTask({
    slug: 'expirePaymentAttempts',
    label: 'Kedaluwarsakan percobaan pembayaran',
    queue: 'payments',
    input: noInput,
    retries: 3,
    backoffMs: 30_000,
    schedule: [cron],
    handler: async (_input, req) => {
      const now = getCurrentDate()
      const db = await sqlExecutor(req.payload)
      const { rows } = await db.execute(sql`
        select a.order_id, a.expires_at, i.id as invoice_id
        from invoices_payment_attempts a join invoices i on i.id = a._parent_id
        where i.status = 'unpaid' and a.midtrans_status = 'pending' and a.expires_at < ${now.toISOString()}::timestamptz
        order by a.expires_at limit ${BATCH}`)
      const outcomes: Record<string, string> = {}
      for (const row of rows) {
        const orderId = String(row.order_id)
        const expiredFor = now.getTime() - new Date(row.expires_at as string).getTime()
        let status: string
        let fraudStatus: string | undefined
        let raw: unknown
        try {
          const confirmed = await payments().gateway.status(orderId)
          status = String(confirmed.transaction_status ?? '')
          fraudStatus = typeof confirmed.fraud_status === 'string' ? confirmed.fraud_status : undefined
          raw = confirmed
        } catch (error) {
          if (!(error instanceof PaymentProviderRejected)) throw error
          status = 'expire'
          raw = { source: 'expiry sweep', reason: error.message }
        }
        if (status === 'pending') {
          if (expiredFor < PENDING_GRACE_MS) continue
          status = 'expire'
          raw = { source: 'expiry sweep', reason: `still pending ${Math.round(expiredFor / 60_000)} minutes after its expiry` }
        }
        outcomes[orderId] = await applyConfirmedStatus(req.payload, { invoiceId: Number(row.invoice_id), orderId, status, fraudStatus, raw, source: 'expiry sweep' })
      }
      return { checked: rows.length, outcomes }
    },
  })
