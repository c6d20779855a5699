/**
 * Applies the committed migrations to DATABASE_URL (or the embedded database) and exits.
 * Reads only the real environment (no .env): the test setup drives it.
 */
import { closePayloadPool } from '../db/closePayloadPool'
import { ensureDatabase } from '../db/ensureDatabase'
import { loadPayload } from '../db/loadPayload'
import { getConfig, useDatabaseUrl } from '../lib/env'

const database = await ensureDatabase(getConfig(), (message) => console.log(message))
useDatabaseUrl(database.url)
const payload = await loadPayload()
const { applyMigrations } = await import('../db/prepareDatabase')
await applyMigrations(payload)
await closePayloadPool(payload)
await database.stop()
process.exit(0)
