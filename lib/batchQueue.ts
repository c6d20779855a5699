type Waiting<I, O> = { item: I; resolve: (output: O) => void; reject: (error: unknown) => void }

export type BatchQueueOptions = {
  /** Most items in one batch. */
  maxBatch: number
  /** Batches in flight at once. */
  parallel: number
}

/**
 * Group commit. An item that arrives while a batch slot is free is run at once, alone; items
 * that arrive while every slot is busy wait, and go together in the next batch. Nobody waits
 * on a timer, and under load one round trip to the database serves many requests instead of
 * one. `run` answers a batch in order; if it throws, the batch's items are retried one at a
 * time, so one bad item fails only its own caller.
 */
export class BatchQueue<I, O> {
  private waiting: Waiting<I, O>[] = []
  private running = 0

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: BatchQueueOptions,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.running < this.options.parallel && this.waiting.length > 0) {
      this.running += 1
      void this.runBatch(this.waiting.splice(0, this.options.maxBatch)).finally(() => {
        this.running -= 1
        this.pump()
      })
    }
  }

  private async runBatch(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((entry) => entry.item))
      batch.forEach((entry, index) => entry.resolve(outputs[index]!))
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error)
      for (const entry of batch) await this.runBatch([entry])
    }
  }
}

/** One queue per key (a Payload instance), made on first use. */
export function queuePerKey<K extends object, I, O>(make: (key: K) => BatchQueue<I, O>): (key: K) => BatchQueue<I, O> {
  const queues = new WeakMap<K, BatchQueue<I, O>>()
  return (key) => {
    let queue = queues.get(key)
    if (!queue) queues.set(key, (queue = make(key)))
    return queue
  }
}
