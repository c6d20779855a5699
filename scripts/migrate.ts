/**
 * Applies the committed migrations to DATABASE_URL (or the embedded database) and exits.
 * Reads only the real environment (no .env): the test setup drives it.
 */
import { getPayload } from 'payload'

import { closePayloadPool } from '../db/closePayloadPool'
import { ensureDatabase } from '../db/ensureDatabase'
import { applyMigrations } from '../db/prepareDatabase'
import { getConfig, useDatabaseUrl } from '../lib/env'

const database = await ensureDatabase(getConfig(), (message) => console.log(message))
useDatabaseUrl(database.url)
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
await applyMigrations(payload)
await closePayloadPool(payload)
await database.stop()
process.exit(0)
