import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import type { Payload, SanitizedConfig } from 'payload'

import { closePayloadPool } from '../../db/closePayloadPool'
import { TEMPLATE_DATABASE, withDatabase } from '../setup/testState'

export type TestContext = {
  payload: Payload
  config: SanitizedConfig
  databaseUrl: string
  dataDir: string
  /** Runs SQL directly against this file's database (to look at raw rows). */
  sql: <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>
  close: () => Promise<void>
}

/**
 * Gives a test file its own database, cloned from the migrated template, and a Payload
 * instance on it. Call in beforeAll; call close() in afterAll.
 */
export async function createTestPayload(): Promise<TestContext> {
  const adminUrl = process.env.JASAWEB_TEST_PG_URL
  const workDir = process.env.JASAWEB_TEST_WORKDIR
  if (!adminUrl || !workDir) throw new Error('tests/setup/globalSetup.ts did not run')
  const name = `jasaweb_test_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`)
  await admin.end()

  const databaseUrl = withDatabase(adminUrl, name)
  const dataDir = path.join(workDir, name)
  fs.mkdirSync(dataDir, { recursive: true })
  process.env.DATA_DIR = dataDir
  // No background job runner in tests: a test runs the queue itself when it means to.
  process.env.APP_ENV = 'test'
  // Refusals are the point of many tests; their log lines would bury real failures.
  process.env.LOG_LEVEL ??= 'fatal'
  const { useDatabaseUrl } = await import('../../lib/env')
  useDatabaseUrl(databaseUrl)

  const { loadPayload } = await import('../../db/loadPayload')
  const payload = await loadPayload()
  const config = payload.config
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 2 })

  return {
    payload,
    config,
    databaseUrl,
    dataDir,
    sql: async (text, values) => (await raw.query(text, values)).rows,
    close: async () => {
      await raw.end()
      await closePayloadPool(payload)
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await cleanup.end()
    },
  }
}
