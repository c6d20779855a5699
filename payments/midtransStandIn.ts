import { randomUUID } from 'node:crypto'
import http from 'node:http'

import { ORDER_ID_PATTERN } from './orderId'
import { notificationSignature } from './signature'

/**
 * A local stand-in that speaks Midtrans' Core API for QRIS (charge, status, cancel) with the
 * shapes and status codes of shared/reference/midtrans.md. The demo runs against it when no
 * Midtrans keys are configured, and the tests point midtrans-client at it.
 */
export type StandInTransaction = {
  orderId: string
  transactionId: string
  grossAmount: string
  status: 'pending' | 'settlement' | 'expire' | 'cancel' | 'deny' | 'refund' | 'partial_refund'
  fraudStatus: 'accept'
  qrString: string
  transactionTime: string
  expiresAt: Date
}

export type StandInMode = 'normal' | 'down' | 'hang'

type StandInResponse = { status: number; body: Record<string, unknown> }

/** Midtrans reports times in GMT+7 as "YYYY-MM-DD HH:mm:ss". */
function jakartaTime(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().replace('T', ' ').slice(0, 19)
}

function formatAmount(amount: number): string {
  return `${amount}.00`
}

export class MidtransStandIn {
  readonly transactions = new Map<string, StandInTransaction>()
  /** Every charge body received, in order: tests assert exactly what was sent. */
  readonly charges: Record<string, unknown>[] = []
  mode: StandInMode = 'normal'
  /** What the status API reports instead of the real state, per order id (to test disagreement). */
  readonly statusOverrides = new Map<string, string>()

  constructor(
    private readonly serverKey: string,
    private readonly publicBaseUrl: () => string,
    private readonly expiryMinutes = 15,
  ) {}

  private authorized(authorization: string | undefined): boolean {
    return authorization === `Basic ${Buffer.from(`${this.serverKey}:`).toString('base64')}`
  }

  private statusBody(transaction: StandInTransaction): Record<string, unknown> {
    const status = this.statusOverrides.get(transaction.orderId) ?? transaction.status
    const statusCode = status === 'settlement' ? '200' : status === 'pending' ? '201' : status === 'expire' ? '407' : '202'
    return {
      status_code: statusCode,
      status_message: 'Success, transaction is found',
      transaction_id: transaction.transactionId,
      order_id: transaction.orderId,
      merchant_id: 'G000000000',
      gross_amount: transaction.grossAmount,
      currency: 'IDR',
      payment_type: 'qris',
      transaction_time: transaction.transactionTime,
      transaction_status: status,
      fraud_status: transaction.fraudStatus,
      acquirer: 'gopay',
      expiry_time: jakartaTime(transaction.expiresAt),
    }
  }

  /** Handles one request; `path` is relative to the API base ("/v2/charge"). */
  handle(method: string, path: string, authorization: string | undefined, body: unknown): StandInResponse {
    if (!this.authorized(authorization)) {
      return { status: 401, body: { status_code: '401', status_message: 'Unknown Merchant server_key/id' } }
    }
    if (method === 'POST' && path === '/v2/charge') return this.charge(body)
    const statusMatch = /^\/v2\/([^/]+)\/status$/.exec(path)
    if (method === 'GET' && statusMatch) {
      const transaction = this.find(decodeURIComponent(statusMatch[1]!))
      if (!transaction) return { status: 404, body: { status_code: '404', status_message: "Transaction doesn't exist." } }
      // Midtrans turns an unpaid QRIS to expire once its expiry_time passes.
      if (transaction.status === 'pending' && Date.now() > transaction.expiresAt.getTime()) transaction.status = 'expire'
      return { status: 200, body: this.statusBody(transaction) }
    }
    const cancelMatch = /^\/v2\/([^/]+)\/cancel$/.exec(path)
    if (method === 'POST' && cancelMatch) {
      const transaction = this.find(decodeURIComponent(cancelMatch[1]!))
      if (!transaction) return { status: 404, body: { status_code: '404', status_message: "Transaction doesn't exist." } }
      if (transaction.status === 'pending') transaction.status = 'cancel'
      return { status: 200, body: this.statusBody(transaction) }
    }
    return { status: 404, body: { status_code: '404', status_message: 'The requested resource is not found' } }
  }

  private find(id: string): StandInTransaction | undefined {
    return this.transactions.get(id) ?? [...this.transactions.values()].find((t) => t.transactionId === id)
  }

  private charge(body: unknown): StandInResponse {
    this.charges.push(body as Record<string, unknown>)
    const request = body as {
      payment_type?: unknown
      transaction_details?: { order_id?: unknown; gross_amount?: unknown }
      item_details?: { price?: unknown; quantity?: unknown }[]
    }
    const orderId = request.transaction_details?.order_id
    const gross = request.transaction_details?.gross_amount
    const invalid = (message: string): StandInResponse => ({ status: 400, body: { status_code: '400', status_message: message } })
    if (request.payment_type !== 'qris') return invalid('payment_type must be qris')
    if (typeof orderId !== 'string' || !ORDER_ID_PATTERN.test(orderId)) return invalid('transaction_details.order_id is invalid')
    if (typeof gross !== 'number' || !Number.isSafeInteger(gross) || gross < 1) return invalid('transaction_details.gross_amount must be a whole number')
    if (request.item_details) {
      const sum = request.item_details.reduce((total, item) => total + Number(item.price) * Number(item.quantity), 0)
      if (sum !== gross) return invalid('transaction_details.gross_amount is not equal to the sum of item_details')
    }
    if (this.transactions.has(orderId)) {
      return { status: 406, body: { status_code: '406', status_message: 'The request could not be completed due to a conflict with the current state of the target resource, order_id has been paid and utilized, please use another order ID' } }
    }
    const now = new Date()
    const transaction: StandInTransaction = {
      orderId,
      transactionId: randomUUID(),
      grossAmount: formatAmount(gross),
      status: 'pending',
      fraudStatus: 'accept',
      // A QRIS-shaped payload (EMVCo TLV); scanning it with a real wallet does nothing.
      qrString: `00020101021226620014COM.GO-JEK.WWW011893600914${orderId.replace(/[^0-9A-Z]/gi, '').slice(0, 20)}5204581253033605405${String(gross).length.toString().padStart(2, '0')}${gross}5802ID5907JASAWEB6007JAKARTA6304ABCD`,
      transactionTime: jakartaTime(now),
      expiresAt: new Date(now.getTime() + this.expiryMinutes * 60_000),
    }
    this.transactions.set(orderId, transaction)
    return {
      status: 200,
      body: {
        ...this.statusBody(transaction),
        status_code: '201',
        status_message: 'QRIS transaction is created',
        actions: [{ name: 'generate-qr-code', method: 'GET', url: `${this.publicBaseUrl()}/v2/qris/${transaction.transactionId}/qr-code` }],
        qr_string: transaction.qrString,
      },
    }
  }

  /** The customer pays: the transaction settles. Returns the notification Midtrans would send. */
  settle(orderId: string): Record<string, string> {
    const transaction = this.transactions.get(orderId)
    if (!transaction) throw new Error(`no simulated transaction ${orderId}`)
    transaction.status = 'settlement'
    return this.notification(orderId)
  }

  /** A correctly signed HTTP notification for the transaction's current state. */
  notification(orderId: string): Record<string, string> {
    const transaction = this.transactions.get(orderId)
    if (!transaction) throw new Error(`no simulated transaction ${orderId}`)
    const body = this.statusBody(transaction) as Record<string, string>
    const statusCode = transaction.status === 'settlement' ? '200' : transaction.status === 'pending' ? '201' : '202'
    return {
      ...body,
      status_code: statusCode,
      status_message: 'midtrans payment notification',
      signature_key: notificationSignature(orderId, statusCode, transaction.grossAmount, this.serverKey),
      ...(transaction.status === 'settlement' ? { settlement_time: jakartaTime(new Date()), transaction_type: 'on-us', issuer: 'gopay' } : {}),
    }
  }

  /** Serves the stand-in on a loopback port (tests). */
  async listen(): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer((req, res) => {
      if (this.mode === 'hang') return // never answers: the caller's timeout must fire
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        if (this.mode === 'down') {
          res.writeHead(503, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ status_code: '503', status_message: 'Midtrans is under maintenance' }))
          return
        }
        let body: unknown = {}
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
        } catch {
          body = {}
        }
        const result = this.handle(req.method ?? 'GET', (req.url ?? '/').split('?')[0]!, req.headers.authorization, body)
        res.writeHead(result.status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(result.body))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    }
  }
}
