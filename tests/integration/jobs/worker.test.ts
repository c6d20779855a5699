import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { readMailbox } from '../../helpers/mailbox'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'
import { NODE_TS_FLAGS } from '../../../lib/nodeFlags'

let ctx: TestContext
let worker: ChildProcess | undefined
let output = ''

function startWorker(env: Record<string, string>): ChildProcess {
  const base = { ...process.env }
  for (const name of ['DATABASE_URL', 'NODE_OPTIONS', 'JEST_WORKER_ID', 'APP_ENV']) delete base[name]
  const child = spawn(process.execPath, [...NODE_TS_FLAGS, 'scripts/worker.ts'], { env: { ...base, LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return child
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

beforeAll(async () => {
  ctx = await createTestPayload()
})

afterAll(async () => {
  worker?.kill('SIGKILL')
  await ctx?.close()
})

it('refuses to start without DATABASE_URL, saying why', async () => {
  output = ''
  const child = startWorker({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-worker-')) })
  expect(await exited(child)).toBe(1)
  expect(output).toContain('pnpm worker needs DATABASE_URL')
})

it('runs a queued job end to end in its own process and stops cleanly on SIGTERM', async () => {
  output = ''
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-worker-'))
  worker = startWorker({ DATABASE_URL: ctx.databaseUrl, DATA_DIR: dataDir, JOBS_POLL_INTERVAL_MS: '300' })
  const queued = await ctx.payload.jobs.queue({ task: 'sendEmail', queue: 'default', input: { to: 'klien@contoh.id', subject: 'Dari worker', text: 'Dikirim oleh pnpm worker.' } })

  const deadline = Date.now() + 90_000
  let completed = false
  while (!completed && Date.now() < deadline) {
    completed = (await ctx.sql(`select 1 from payload_jobs where id = $1 and completed_at is not null`, [queued.id])).length === 1
    if (!completed) await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect({ completed, output: completed ? '' : output }).toEqual({ completed: true, output: '' })
  const mail = readMailbox(dataDir).find((message) => message.subject === 'Dari worker')
  expect(mail?.to).toContain('klien@contoh.id')

  const exit = exited(worker)
  worker.kill('SIGTERM')
  expect(await exit).toBe(0)
  expect(output).toContain('stopped')
  worker = undefined
})
