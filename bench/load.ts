/** A small closed-loop load generator: `concurrency` workers run through `count` requests. */
export type LoadResult = { count: number; seconds: number; perSecond: number; p50: number; p99: number; failures: number; errors: string[] }

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The middle value (the mean of the two middle ones for an even count); the input is not reordered. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export async function runLoad(count: number, concurrency: number, request: (index: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = []
  let next = 0
  let failures = 0
  const errors: string[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) {
        const t0 = performance.now()
        const ok = await request(index).catch((error: unknown) => {
          if (errors.length < 5) errors.push(error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error))
          return false
        })
        latencies.push(performance.now() - t0)
        if (!ok) failures += 1
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { count, seconds, perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures, errors }
}

export function describe(name: string, result: LoadResult): string {
  return `${name.padEnd(34)} ${result.perSecond.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1).padStart(7)} ms   p99 ${result.p99.toFixed(1).padStart(7)} ms   (${result.count} requests, ${result.failures} failed)${result.errors.map((error) => `\n  error: ${error}`).join('')}`
}
