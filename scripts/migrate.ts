/** Applies the committed migrations to DATABASE_URL (or the embedded database) and exits. */
import { getPayload } from 'payload'

import { closePayloadPool } from '../db/closePayloadPool'
import { ensureDatabase } from '../db/ensureDatabase'
import { getConfig, useDatabaseUrl } from '../lib/env'
import { migrations } from '../migrations'

const database = await ensureDatabase(getConfig(), (message) => console.log(message))
useDatabaseUrl(database.url)
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
await payload.db.migrate({ migrations: migrations as unknown as NonNullable<Parameters<typeof payload.db.migrate>[0]>['migrations'] })
await closePayloadPool(payload)
await database.stop()
process.exit(0)
