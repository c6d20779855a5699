import path from 'node:path'

import type { AppConfig } from '../lib/env'

export type DatabaseHandle = {
  url: string
  embedded: boolean
  stop: () => Promise<void>
}

/**
 * DATABASE_URL set → that database. Unset → an embedded PostgreSQL whose data lives in
 * DATA_DIR/postgres, so a machine with nothing but Node runs the app.
 */
export async function ensureDatabase(config: AppConfig, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined }
  }
  const dataDir = path.join(config.DATA_DIR, 'postgres')
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${dataDir}`)
  // Loaded only when needed: the library installs a beforeExit hook that calls process.exit(0),
  // which would end any process whose event loop goes briefly idle while it starts up.
  const { startEmbeddedPostgres } = await import('./embeddedPostgres')
  const database = await startEmbeddedPostgres({ dataDir, database: 'jasaweb' })
  return { url: database.url, embedded: true, stop: database.stop }
}
