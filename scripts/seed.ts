/**
 * `pnpm seed`: wipes the app's data and seeds the demo again, through the Local API.
 * Refuses under APP_ENV=production unless given --yes-wipe-production.
 */
import type { CollectionSlug } from 'payload'

import { closePayloadPool } from '../db/closePayloadPool'
import { ensureDatabase } from '../db/ensureDatabase'
import { loadPayload } from '../db/loadPayload'
import { getConfig, loadDotEnv, useDatabaseUrl } from '../lib/env'

// Children before parents, so no relationship points at a deleted document.
const WIPE_ORDER: CollectionSlug[] = [
  'audit-log',
  'payment-events',
  'notifications',
  'announcements',
  'invoices',
  'projects',
  'posts',
  'pages',
  'testimonials',
  'templates',
  'media',
  'pricing',
  'users',
]

loadDotEnv()
const config = getConfig()
if (config.isProduction && !process.argv.includes('--yes-wipe-production')) {
  console.error('Refusing to wipe a production database. Pass --yes-wipe-production if you really mean it.')
  process.exit(1)
}

const database = await ensureDatabase(config, (message) => console.log(message))
useDatabaseUrl(database.url)
const payload = await loadPayload()
const { applyMigrations } = await import('../db/prepareDatabase')
const { printLogins, seedDemoData } = await import('../seed/seedDemoData')
await applyMigrations(payload)

for (const collection of WIPE_ORDER) {
  const { docs } = await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true, context: { skipAudit: true } })
  console.log(`wiped ${collection}: ${docs.length}`)
}
const logins = await seedDemoData(payload)
printLogins(logins, config.SERVER_URL, (line) => console.log(line))

await closePayloadPool(payload)
await database.stop()
process.exit(0)
