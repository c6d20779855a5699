/**
 * `pnpm start`: builds the app when the build is missing or older than the sources, then
 * starts server.ts. With --dev, runs Next in development mode instead (no build).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { ConfigError, getConfig, loadDotEnv } from '../lib/env'
import { assertNodeCondition, NodeFlagsError } from '../lib/nodeFlags'
import { projectRoot } from '../lib/paths'

const dev = process.argv.includes('--dev')
// Next decides dev/production from NODE_ENV; set it before Next is imported.
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' })
process.env.NEXT_TELEMETRY_DISABLED = '1'

try {
  assertNodeCondition()
  loadDotEnv()
  getConfig()
} catch (error) {
  if (error instanceof ConfigError || error instanceof NodeFlagsError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

// Everything in the repository feeds the build except these (output, data, tooling, tests,
// and what the tests write: screenshots in artifacts/ must not make the next suite rebuild
// .next under servers still running from it).
const NOT_SOURCES = new Set(['node_modules', '.next', '.data', '.git', '.ci', 'tests', 'bench', 'coverage', 'artifacts', 'next-env.d.ts'])

function newestSourceTime(): number {
  let newest = 0
  const visit = (entry: string) => {
    const stat = fs.statSync(entry)
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const item of fs.readdirSync(projectRoot)) {
    if (!NOT_SOURCES.has(item) && !item.endsWith('.md') && !item.endsWith('.tsbuildinfo')) visit(path.join(projectRoot, item))
  }
  return newest
}

function buildIsCurrent(): boolean {
  const marker = path.join(projectRoot, '.next', 'BUILD_ID')
  return fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newestSourceTime()
}

if (!dev && !buildIsCurrent()) {
  console.log('[jasaweb] building the app (next build), about a minute on 2 cores…')
  // The project's own next, also when started as `tsx scripts/start.ts` (no pnpm, so no node_modules/.bin on PATH).
  const localNext = path.join(projectRoot, 'node_modules', '.bin', 'next')
  const result = spawnSync(fs.existsSync(localNext) ? localNext : 'next', ['build'], { stdio: 'inherit', cwd: projectRoot, env: process.env })
  if (result.status !== 0) {
    console.error(`[jasaweb] next build failed${result.error ? `: ${result.error.message}` : ''}`)
    process.exit(result.status ?? 1)
  }
}

const { startServer } = await import('../server')
await startServer({ dev }).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
