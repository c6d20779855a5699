import midtransClient from 'midtrans-client'
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel'

import { PaymentProviderRejected, PaymentProviderUnavailable } from '../lib/errors'

export type MidtransResponse = Record<string, unknown> & {
  status_code?: string
  transaction_id?: string
  order_id?: string
  gross_amount?: string
  transaction_status?: string
  fraud_status?: string
  qr_string?: string
  expiry_time?: string
  actions?: { name: string; method: string; url: string }[]
}

export type MidtransGateway = {
  charge(body: Record<string, unknown>): Promise<MidtransResponse>
  status(orderId: string): Promise<MidtransResponse>
}

/** A failure worth retrying or counting against the breaker: no answer, or a 5xx. */
function isTransient(error: unknown): boolean {
  if (error instanceof TaskCancelledError) return true
  const status = (error as { httpStatusCode?: unknown }).httpStatusCode
  if (status === null || status === undefined) return true
  return Number(status) >= 500
}

/**
 * midtrans-client behind a timeout, a circuit breaker and (for status lookups, which are
 * safe to repeat) retries with jittered exponential backoff. Charges are not retried: a
 * charge that timed out may have been created, and each attempt has its own order id.
 * `baseUrl` points the client at the built-in simulator or a test stand-in.
 */
export function createMidtransGateway(options: {
  serverKey: string
  clientKey?: string
  isProduction: boolean
  baseUrl?: string
  timeoutMs?: number
  breakerFailures?: number
  halfOpenAfterMs?: number
}): MidtransGateway & { breaker: ReturnType<typeof circuitBreaker> } {
  const core = new midtransClient.CoreApi({ isProduction: options.isProduction, serverKey: options.serverKey, clientKey: options.clientKey })
  const baseUrl = options.baseUrl
  if (baseUrl) core.apiConfig.getCoreApiBaseUrl = () => baseUrl
  const timeoutMs = options.timeoutMs ?? 8_000
  // The library's axios has no timeout of its own (0 = wait forever).
  core.httpClient.http_client.defaults.timeout = timeoutMs
  // Midtrans answers directly; a redirect would carry the server key elsewhere. With 0, axios
  // also skips its follow-redirects wrapper, a good part of each status lookup's CPU.
  core.httpClient.http_client.defaults.maxRedirects = 0

  const transient = handleWhen(isTransient)
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: options.halfOpenAfterMs ?? 15_000,
    breaker: new ConsecutiveBreaker(options.breakerFailures ?? 5),
  })
  // Nothing takes the policy's signal, so aborting it on return would only build a
  // DOMException (with its stack) per call.
  const deadline = timeout(timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false })
  const retries = retry(transient, { maxAttempts: 2, backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 2_000 }) })
  const chargePolicy = wrap(breaker, deadline)
  const statusPolicy = wrap(retries, breaker, deadline)

  async function call(execute: () => Promise<Record<string, unknown>>): Promise<MidtransResponse> {
    try {
      return (await execute()) as MidtransResponse
    } catch (error) {
      if (error instanceof BrokenCircuitError || isTransient(error)) throw new PaymentProviderUnavailable()
      const response = (error as { ApiResponse?: { status_message?: string } }).ApiResponse
      throw new PaymentProviderRejected(`Midtrans menolak permintaan: ${response?.status_message ?? (error as Error).message}`)
    }
  }

  return {
    breaker,
    charge: (body) => call(() => chargePolicy.execute(() => core.charge(body))),
    status: (orderId) => call(() => statusPolicy.execute(() => core.transaction.status(orderId))),
  }
}
