/**
 * Starts the real app for e2e tests as `pnpm start` does: `node --conditions=production --import tsx scripts/start.ts` from
 * the repository root, with no DATABASE_URL (so it starts its embedded PostgreSQL) and a
 * fresh DATA_DIR, on a free port. Resolves once the server prints its `ready on` line.
 *
 * Starts are serialised across jest workers with a lock folder: when the build is stale
 * the first start runs `next build`, and two builds writing `.next` at once would break
 * each other.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { findFreePort } from '../../lib/findFreePort'
import { NODE_TS_FLAGS } from '../../lib/nodeFlags'

export type StopResult = {
  /** The launcher's exit code (null when it was killed by a signal). */
  code: number | null
  signal: NodeJS.Signals | null
  /** Milliseconds from SIGTERM to exit. */
  durationMs: number
  /** True when the launcher did not exit within the timeout and was killed. */
  forced: boolean
  /** Whether DATA_DIR/postgres/postmaster.pid still existed once the launcher had exited. */
  postmasterPidLeft: boolean
  output: string
}

export type AppServer = {
  url: string
  port: number
  dataDir: string
  pid: number
  /** Milliseconds from spawn to the `ready on` line. */
  readyMs: number
  /** Milliseconds spent waiting for another worker's start to finish (not part of readyMs). */
  lockWaitMs: number
  /** Whether this start ran `next build`. */
  built: boolean
  /** Everything the process printed so far (stdout and stderr, interleaved). */
  output: () => string
  /** SIGTERM, wait for exit, then remove DATA_DIR (unless keepDataDir). Safe to call twice. */
  stop: (options?: { timeoutMs?: number; keepDataDir?: boolean }) => Promise<StopResult>
}

export type StartOptions = {
  /** Time allowed from spawn to ready, build included. */
  readyTimeoutMs?: number
  /** Extra environment for the app. */
  env?: Record<string, string>
}

const repoRoot = process.cwd()
const READY_LINE = /\[jasaweb\] ready on (\S+)/
const MAX_OUTPUT = 2_000_000
const LOCK_DIR = path.join(os.tmpdir(), `jasaweb-e2e-start-${Buffer.from(repoRoot).toString('hex').slice(-24)}.lock`)

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Resolves true when `promise` settles within `ms`, false otherwise; leaves no timer behind. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([promise.then(() => true as const), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** What the process group and the data folder look like, for the message of a failed start. */
function diagnose(pgid: number, dataDir: string): string {
  const lines: string[] = []
  try {
    const ps = spawnSync('ps', ['-eo', 'pid,ppid,pgid,user,stat,etime,args'], { encoding: 'utf8' })
    const rows = ps.stdout.split('\n')
    lines.push(rows[0] ?? '', ...rows.filter((row) => row.trim().split(/\s+/)[2] === String(pgid) || row.includes(dataDir)))
  } catch (error) {
    lines.push(`ps failed: ${String(error)}`)
  }
  const pgDir = path.join(dataDir, 'postgres')
  lines.push(`${pgDir}: ${fs.existsSync(pgDir) ? fs.readdirSync(pgDir).join(' ') : 'missing'}`)
  return lines.join('\n')
}

/** mkdir-based lock; a lock left by a dead process is taken over. */
async function acquireStartLock(timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR)
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid))
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let holder = NaN
    try {
      holder = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'))
    } catch {
      // the holder is between mkdir and writing its pid, or just released it
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      fs.rmSync(LOCK_DIR, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the e2e start lock ${LOCK_DIR} (held by pid ${holder})`)
    await sleep(250)
  }
}

/** Kills a PostgreSQL still running on dataDir (after a crash or a forced kill). */
function killLeftoverPostgres(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    try {
      process.kill(pid, 'SIGQUIT')
    } catch {
      // already gone
    }
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

function childEnv(port: number, dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  // A fresh machine: no database, nothing left over from jest or its global setup.
  for (const name of ['DATABASE_URL', 'NODE_OPTIONS', 'NODE_ENV', 'JASAWEB_TEST_PG_URL', 'JASAWEB_TEST_WORKDIR', 'JEST_WORKER_ID']) {
    delete env[name]
  }
  return {
    ...env,
    PORT: String(port),
    SERVER_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  }
}

export async function startAppServer(options: StartOptions = {}): Promise<AppServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 420_000
  const lockStarted = Date.now()
  const release = await acquireStartLock(readyTimeoutMs + 60_000)
  const lockWaitMs = Date.now() - lockStarted
  try {
    return await spawnUntilReady(readyTimeoutMs, lockWaitMs, options.env ?? {})
  } finally {
    release()
  }
}

async function spawnUntilReady(readyTimeoutMs: number, lockWaitMs: number, extraEnv: Record<string, string>): Promise<AppServer> {
  const port = await findFreePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-e2e-'))
  // PostgreSQL runs as the postgres user when we are root: it must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755)

  const spawnedAt = Date.now()
  // BENCH_CPU_PROFILE_DIR=<folder>: the app writes a V8 CPU profile there when it stops (for benchmarks).
  const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : []
  const child = spawn(process.execPath, [...profile, ...NODE_TS_FLAGS, 'scripts/start.ts'], {
    cwd: repoRoot,
    env: childEnv(port, dataDir, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a failed start can be cleaned up whole (next build included).
    detached: true,
  })
  const pid = child.pid
  if (pid === undefined) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw new Error('could not spawn node --conditions=production --import tsx scripts/start.ts')
  }

  let output = ''
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8')
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal }
      resolve(exitInfo)
    })
  })

  const cleanupAfterFailure = async () => {
    if (!exitInfo) {
      killGroup(child, 'SIGTERM')
      if (!(await settlesWithin(exited, 15_000))) killGroup(child, 'SIGKILL')
      await settlesWithin(exited, 5_000)
    }
    killLeftoverPostgres(dataDir)
    await sleep(500)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`the app was not ready within ${readyTimeoutMs} ms. Output:\n${output.slice(-20_000)}\nProcesses:\n${diagnose(pid, dataDir)}`))
    }, readyTimeoutMs)
    const onData = () => {
      const match = READY_LINE.exec(output)
      if (match?.[1]) {
        cleanup()
        resolve(match[1])
      }
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // Let the pipes drain so the error message is in the output.
      setTimeout(() => {
        cleanup()
        reject(new Error(`the app exited before it was ready (code ${code}, signal ${signal}). Output:\n${output.slice(-20_000)}`))
      }, 200)
    }
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', onExit)
  }).catch(async (error: unknown) => {
    await cleanupAfterFailure()
    throw error
  })
  const readyMs = Date.now() - spawnedAt

  let stopped: Promise<StopResult> | undefined
  const stop = (stopOptions: { timeoutMs?: number; keepDataDir?: boolean } = {}): Promise<StopResult> => {
    stopped ??= (async () => {
      const timeoutMs = stopOptions.timeoutMs ?? 30_000
      const signalledAt = Date.now()
      let forced = false
      if (!exitInfo) {
        // The launcher is the server process itself (no tsx CLI in between).
        child.kill('SIGTERM')
        if (!(await settlesWithin(exited, timeoutMs))) {
          forced = true
          killGroup(child, 'SIGKILL')
          await settlesWithin(exited, 5_000)
        }
      }
      const durationMs = Date.now() - signalledAt
      // Let the pipes drain.
      await sleep(100)
      const postmasterPidLeft = fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))
      if (postmasterPidLeft) killLeftoverPostgres(dataDir)
      if (!stopOptions.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
      const info = exitInfo ?? { code: null, signal: null }
      return { code: info.code, signal: info.signal, durationMs, forced, postmasterPidLeft, output }
    })()
    return stopped
  }

  return { url, port, dataDir, pid, readyMs, lockWaitMs, built: output.includes('[jasaweb] building the app'), output: () => output, stop }
}
