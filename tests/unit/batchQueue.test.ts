import { BatchQueue } from '../../lib/batchQueue'

/** A run function whose batches finish when the test says so. */
function controlledRun() {
  const batches: number[][] = []
  const finishers: (() => void)[] = []
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items)
      finishers.push(() => (items.includes(-1) ? reject(new Error('bad item')) : resolve(items.map((item) => item * 10))))
    })
  const finishNext = async () => {
    finishers.shift()!()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { batches, run, finishNext }
}

describe('BatchQueue (group commit)', () => {
  it('runs the first item alone at once, and batches what arrives while it runs', async () => {
    const { batches, run, finishNext } = controlledRun()
    const queue = new BatchQueue(run, { maxBatch: 3, parallel: 1 })
    const outputs = [1, 2, 3, 4, 5].map((item) => queue.add(item))
    expect(batches).toEqual([[1]])
    await finishNext()
    expect(batches).toEqual([[1], [2, 3, 4]])
    await finishNext()
    expect(batches).toEqual([[1], [2, 3, 4], [5]])
    await finishNext()
    expect(await Promise.all(outputs)).toEqual([10, 20, 30, 40, 50])
  })

  it('keeps `parallel` batches in flight', () => {
    const { batches, run } = controlledRun()
    const queue = new BatchQueue(run, { maxBatch: 10, parallel: 2 })
    for (const item of [1, 2, 3, 4]) void queue.add(item)
    expect(batches).toEqual([[1], [2]])
  })

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const { batches, run, finishNext } = controlledRun()
    const queue = new BatchQueue(run, { maxBatch: 10, parallel: 1 })
    const first = queue.add(1)
    const rest = [2, -1, 3].map((item) => queue.add(item).then((value) => ({ value }), (error: Error) => ({ error: error.message })))
    await finishNext()
    await finishNext() // [2, -1, 3] fails
    await finishNext() // [2]
    await finishNext() // [-1]
    await finishNext() // [3]
    expect(batches).toEqual([[1], [2, -1, 3], [2], [-1], [3]])
    expect(await first).toBe(10)
    expect(await Promise.all(rest)).toEqual([{ value: 20 }, { error: 'bad item' }, { value: 30 }])
  })
})
