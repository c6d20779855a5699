/**
 * Runs Payload's CLI (`payload migrate:create`, `generate:types`, …) against the app's
 * database: DATABASE_URL when set, else the embedded PostgreSQL, started for the command.
 */
import { spawn } from 'node:child_process'

import { ensureDatabase } from '../db/ensureDatabase'
import { getConfig, loadDotEnv, useDatabaseUrl } from '../lib/env'

loadDotEnv()
const args = process.argv.slice(2)
const database = await ensureDatabase(getConfig(), (message) => console.log(message))
useDatabaseUrl(database.url)

const child = spawn('payload', args, {
  stdio: 'inherit',
  env: { ...process.env, PAYLOAD_CONFIG_PATH: 'payload.config.ts', NODE_OPTIONS: '--no-deprecation' },
})
const code: number = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)))
await database.stop()
process.exit(code)
