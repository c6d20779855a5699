/**
 * A second process for the multi-instance tests, on the test file's database and Redis:
 *
 *   node --conditions=production --import tsx tests/helpers/realtimeInstance.ts server        → prints "ready <port>"
 *   node --conditions=production --import tsx tests/helpers/realtimeInstance.ts worker <userId> → stores one event for
 *     the user with no Socket.IO server in the process (the Redis emitter sends it), prints
 *     "published <id>" and exits
 *
 * Environment: DATABASE_URL, DATA_DIR (the same dev secrets as the test), REDIS_URL,
 * REALTIME_REDIS_KEY.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

// Payload's config first (db/loadPayload.ts explains why), the rest after.
const { loadPayload } = await import('../../db/loadPayload')
const payload = await loadPayload()
const mode = process.argv[2]

if (mode === 'server') {
  const { attachRealtime } = await import('../../realtime/attachRealtime')
  const server = http.createServer((_req, res) => {
    res.statusCode = 404
    res.end()
  })
  const realtime = attachRealtime(server, payload, { log: (message) => console.error(message) })
  server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as AddressInfo).port} ${realtime.instanceId}`))
  process.on('SIGTERM', () => {
    void realtime.close().finally(() => process.exit(0))
  })
} else if (mode === 'worker') {
  const { closeRedisEmitter, redisEmitter } = await import('../../realtime/redisEmitter')
  const { getRealtimeServer } = await import('../../realtime/registry')
  if (getRealtimeServer()) throw new Error('a worker must not have a Socket.IO server')
  await redisEmitter()
  const row = await payload.create({ collection: 'notifications', data: { recipient: Number(process.argv[3]), title: 'Dari worker', type: 'message', priority: 'medium' }, overrideAccess: true })
  // The emit ran after the commit; QUIT goes out after the PUBLISH queued before it.
  await closeRedisEmitter()
  console.log(`published ${row.id}`)
  process.exit(0)
} else {
  throw new Error(`unknown mode ${mode}`)
}
