/** mulberry32: a tiny deterministic PRNG, so "noisy" test data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Uniform noise in [−amplitude, amplitude) from a seeded generator. */
export function seededNoise(seed: number, amplitude: number): () => number {
  const random = seededRandom(seed)
  return () => (random() * 2 - 1) * amplitude
}
