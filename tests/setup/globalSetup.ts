import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from '../../db/embeddedPostgres'
import { TEMPLATE_DATABASE, testState, withDatabase } from './testState'
import { NODE_TS_FLAGS } from '../../lib/nodeFlags'

/**
 * One PostgreSQL for the whole run (DATABASE_URL's server, or an embedded one in a temp
 * folder), migrated once into a template database that each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-test-'))
  // The embedded server runs as the postgres user when we are root: it must reach the folder.
  fs.chmodSync(workDir, 0o755)
  let serverUrl: string
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL
  } else {
    const database = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), database: 'postgres', persistent: false, durable: false })
    testState.stopDatabase = database.stop
    serverUrl = database.url
  }
  const adminUrl = withDatabase(serverUrl, 'postgres')
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`)
  await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`)
  await client.end()

  execFileSync(process.execPath, [...NODE_TS_FLAGS, 'scripts/migrate.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, TEMPLATE_DATABASE), DATA_DIR: workDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  })

  // A migration run that exits 0 without migrating (Payload's dev prompt can do that) must not go unnoticed.
  const check = new pg.Client({ connectionString: withDatabase(serverUrl, TEMPLATE_DATABASE) })
  await check.connect()
  const { rowCount } = await check.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'users'")
  await check.end()
  if (!rowCount) throw new Error('The template database has no tables: scripts/migrate.ts did not apply the migrations.')

  process.env.JASAWEB_TEST_PG_URL = adminUrl
  process.env.JASAWEB_TEST_WORKDIR = workDir
  testState.workDir = workDir
}
