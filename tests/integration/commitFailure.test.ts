/**
 * A write whose COMMIT fails (its connection is cut between the last statement and the
 * commit, as in a database restart) must fail, not be reported done. Payload 3.90's drizzle
 * adapter swallowed the failed commit; patches/@payloadcms__drizzle@3.90.1.patch makes it
 * throw, and the API then answers 503 (hooks/mapDatabaseInputErrors.ts).
 */
import { useWorldSuite } from '../helpers/worldSuite'

type Sessions = Record<string, { db: { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> } }>
type Adapter = { sessions: Sessions; commitTransaction: (id: string | number | Promise<string | number>) => Promise<void> }

const suite = useWorldSuite()

async function withConnectionCutBeforeCommit<T>(run: () => Promise<T>): Promise<T> {
  const adapter = suite.ctx.payload.db as unknown as Adapter
  const original = adapter.commitTransaction
  const { sql } = await import('@payloadcms/db-postgres')
  adapter.commitTransaction = async function cut(this: Adapter, incoming) {
    const id = await incoming
    const session = this.sessions[String(id)]
    if (session) {
      const [row] = (await session.db.execute(sql`SELECT pg_backend_pid() AS pid`)).rows
      await suite.ctx.sql('SELECT pg_terminate_backend($1)', [row!.pid])
    }
    return original.call(this, incoming)
  }
  try {
    return await run()
  } finally {
    adapter.commitTransaction = original
  }
}

it('a create whose commit fails is an error, and nothing is stored', async () => {
  const name = 'Paket yang tidak pernah tersimpan'
  const attempt = withConnectionCutBeforeCommit(() =>
    suite.ctx.payload.create({ collection: 'pricing', data: { name, price: 1_500_000, projectType: 'sekolah', features: [{ feature: 'Uji commit' }] }, overrideAccess: true }),
  )
  await expect(attempt).rejects.toThrow()
  const stored = await suite.ctx.sql('SELECT count(*)::int AS n FROM pricing WHERE name = $1', [name])
  expect(stored).toEqual([{ n: 0 }])
})

it('the same create with its commit intact is stored (the control)', async () => {
  const name = 'Paket yang tersimpan'
  const doc = await suite.ctx.payload.create({ collection: 'pricing', data: { name, price: 1_500_000, projectType: 'sekolah', features: [{ feature: 'Uji commit' }] }, overrideAccess: true })
  expect(doc.name).toBe(name)
  expect(await suite.ctx.sql('SELECT count(*)::int AS n FROM pricing WHERE name = $1', [name])).toEqual([{ n: 1 }])
})
