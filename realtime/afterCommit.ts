import type { Payload, PayloadRequest } from 'payload'

/**
 * Payload has no after-commit hook: afterChange runs inside the transaction, so an event
 * emitted there could announce a write that then rolls back. `runAfterCommit` queues work
 * against the request's transaction and runs it once the adapter has committed that
 * transaction; a rollback drops it. Without a transaction the work runs at once.
 *
 * The queues live on globalThis: hooks run inside Next's bundles, whose module instances
 * differ from the ones server.ts loaded, but the database adapter (and its wrapped commit)
 * is one object shared by both.
 */
type Task = () => unknown

type TransactionId = string | number

type WrappableAdapter = {
  commitTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  rollbackTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  sessions?: Record<string, unknown>
}

const QUEUES = Symbol.for('jasaweb.realtime.afterCommitQueues')
const WRAPPED = Symbol.for('jasaweb.realtime.afterCommitWrapped')

function queues(): Map<string, Task[]> {
  const holder = globalThis as typeof globalThis & { [QUEUES]?: Map<string, Task[]> }
  holder[QUEUES] ??= new Map()
  return holder[QUEUES]
}

function take(id: TransactionId): Task[] {
  const key = String(id)
  const tasks = queues().get(key) ?? []
  queues().delete(key)
  return tasks
}

function run(tasks: Task[], payload: Payload): void {
  // In order and synchronously, so an in-process emit has happened when the commit resolves.
  for (const task of tasks) {
    try {
      const result = task()
      if (result instanceof Promise) result.catch((err: unknown) => payload.logger.error({ err, msg: 'after-commit task failed' }))
    } catch (err) {
      payload.logger.error({ err, msg: 'after-commit task failed' })
    }
  }
}

/** Wraps the adapter's commit and rollback once (payload.config.ts onInit; again lazily if needed). */
export function installAfterCommit(payload: Payload): void {
  const db = payload.db as unknown as WrappableAdapter & { [WRAPPED]?: true }
  if (db[WRAPPED]) return
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = incoming instanceof Promise ? await incoming : incoming
    // A session that is gone was already rolled back: the adapter's commit is then a no-op.
    const open = db.sessions ? Boolean(db.sessions[String(id)]) : true
    await commit(id)
    const tasks = take(id)
    if (open) run(tasks, payload)
  }
  db.rollbackTransaction = async (incoming) => {
    const id = incoming instanceof Promise ? await incoming : incoming
    take(id)
    await rollback(id)
  }
  db[WRAPPED] = true
}

/** Runs `task` after `req`'s transaction commits (never if it rolls back), or now when there is none. */
export function runAfterCommit(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, task: Task): void {
  installAfterCommit(req.payload)
  const enqueue = (id: TransactionId | null | undefined) => {
    if (id === undefined || id === null || id === '') return run([task], req.payload)
    const key = String(id)
    const list = queues().get(key)
    if (list) list.push(task)
    else queues().set(key, [task])
  }
  const { transactionID } = req
  if (transactionID instanceof Promise) {
    // Attached before anyone can commit (commit awaits this same promise first).
    void transactionID.then(enqueue, () => undefined)
  } else {
    enqueue(transactionID)
  }
}
