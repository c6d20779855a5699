import autocannon from 'autocannon'

import type { LoadResult } from './load'

/**
 * `count` requests over `connections` keep-alive connections with autocannon, which costs
 * the measuring process far less than `fetch` (this machine's two cores are shared with the
 * server, so a heavy load generator would slow down what it measures). Each request may carry
 * its own body, in order; `onResponse` sees every answer. With `rate`, requests go out at that
 * pace whatever the answers do, as Midtrans' notifications would.
 */
export async function cannon(options: {
  url: string
  count: number
  connections: number
  /** Requests per second from all connections together (open loop); unset, as fast as answered. */
  rate?: number
  method?: 'GET' | 'POST'
  bodies?: readonly string[]
  onResponse?: (status: number, body: string) => void
}): Promise<LoadResult> {
  let next = 0
  let firstSent = 0
  let lastAnswered = 0
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.count,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: options.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          firstSent ||= performance.now()
          return options.bodies ? { ...request, body: options.bodies[next++ % options.bodies.length] } : request
        },
        onResponse: (status, body) => {
          lastAnswered = performance.now()
          options.onResponse?.(status, body)
        },
      },
    ],
  })
  // autocannon resolves on its next one-second sampling tick: time from first request to last answer.
  const seconds = (lastAnswered - firstSent) / 1000
  const total = result.requests.total
  const failures = result.non2xx + result.errors + result.timeouts
  return { count: total, seconds, perSecond: total / seconds, p50: result.latency.p50, p99: result.latency.p99, failures, errors: result.errors > 0 ? [`${result.errors} connection errors`] : [] }
}
