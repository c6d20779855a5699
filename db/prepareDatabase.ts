import type { Payload } from 'payload'

import { migrations } from '../migrations'
import { type DemoLogin, seedDemoData } from '../seed/seedDemoData'

type Migrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/** Applies the committed migrations that have not run yet. */
export async function applyMigrations(payload: Payload): Promise<void> {
  // The generated list is typed for db-postgres; Payload's signature is adapter-neutral.
  await payload.db.migrate({ migrations: migrations as unknown as Migrations })
}

/** Applies committed migrations, then seeds demo data into an empty database (SEED_ON_EMPTY). */
export async function prepareDatabase(payload: Payload, options: { seedOnEmpty: boolean }): Promise<{ seededLogins: DemoLogin[] | null }> {
  await applyMigrations(payload)
  if (!options.seedOnEmpty) return { seededLogins: null }
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return { seededLogins: null }
  return { seededLogins: await seedDemoData(payload) }
}
