import type { Payload } from 'payload'

import { migrations } from '../migrations'
import { type DemoLogin, seedDemoData } from '../seed/seedDemoData'

/** Applies committed migrations, then seeds demo data into an empty database (SEED_ON_EMPTY). */
export async function prepareDatabase(payload: Payload, options: { seedOnEmpty: boolean }): Promise<{ seededLogins: DemoLogin[] | null }> {
  // The generated migration list is typed for db-postgres; Payload's signature is generic.
  await payload.db.migrate({ migrations: migrations as unknown as NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations'] })
  if (!options.seedOnEmpty) return { seededLogins: null }
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return { seededLogins: null }
  return { seededLogins: await seedDemoData(payload) }
}
