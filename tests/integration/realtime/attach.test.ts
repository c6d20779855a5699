import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { io as connectClient } from 'socket.io-client'

import { attachRealtime } from '../../../realtime/attachRealtime'
import { isRealtimeUpgrade, relayOtherUpgrades } from '../../../realtime/nextUpgradeRelay'
import { getRealtimeServer } from '../../../realtime/registry'
import { createTestPayload, type TestContext } from '../../helpers/testPayload'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestPayload()
})
afterAll(async () => ctx?.close())

async function serve(onUpgrade?: (req: http.IncomingMessage, socket: net.Socket) => void) {
  const server = http.createServer((_req, res) => {
    res.statusCode = 404
    res.end('next')
  })
  // As in server.ts: Next hears upgrades on a server of its own, relayed from the real one.
  const nextServer = http.createServer()
  const nextUpgrades: string[] = []
  nextServer.on('upgrade', (req: http.IncomingMessage, socket: net.Socket) => {
    nextUpgrades.push(req.url ?? '')
    onUpgrade?.(req, socket)
  })
  relayOtherUpgrades(server, nextServer)
  const realtime = attachRealtime(server, ctx.payload, { redisUrl: null })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    realtime,
    nextUpgrades,
    close: async () => {
      await realtime.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

it('publishes itself on globalThis for code inside Next, and withdraws on close', async () => {
  const served = await serve()
  expect(getRealtimeServer()?.instanceId).toBe(served.realtime.instanceId)
  expect((globalThis as Record<symbol, unknown>)[Symbol.for('jasaweb.realtime.server')]).toBe(getRealtimeServer())
  await served.close()
  expect(getRealtimeServer()).toBeUndefined()
})

it("leaves other WebSocket upgrades (Next's dev HMR) alone instead of destroying them", async () => {
  const upgraded: net.Socket[] = []
  const served = await serve((req, socket) => {
    if (!req.url?.startsWith('/_next/webpack-hmr')) return
    upgraded.push(socket)
    // Next answers its own upgrade a little later than engine.io's one-second destroy timer.
    setTimeout(() => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'), 1300)
  })
  try {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(served.port, '127.0.0.1', () => {
        socket.write(
          'GET /_next/webpack-hmr HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        )
      })
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk.toString()
        if (text.includes('\r\n\r\n')) {
          socket.destroy()
          resolve(text)
        }
      })
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1.1 101/)
    expect(served.nextUpgrades).toEqual(['/_next/webpack-hmr'])
  } finally {
    // Upgraded sockets belong to their handler, not to the HTTP server's close.
    for (const socket of upgraded) socket.destroy()
    await served.close()
  }
})

it("keeps Socket.IO's upgrades away from Next (whose router would tag and keep each request)", async () => {
  const served = await serve()
  const client = connectClient(`http://127.0.0.1:${served.port}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: 'not-a-token' } })
  try {
    // The WebSocket upgrade happened (engine.io took it); the handshake then refuses the token.
    const refusal = await new Promise<Error & { data?: { code?: string } }>((resolve) => client.once('connect_error', resolve))
    expect(refusal.data?.code).toBe('bad_token')
    expect(served.nextUpgrades).toEqual([])
  } finally {
    client.close()
    await served.close()
  }
})

it('tells Socket.IO upgrade paths the way engine.io does', () => {
  expect(isRealtimeUpgrade('/socket.io/?EIO=4&transport=websocket')).toBe(true)
  expect(isRealtimeUpgrade('/socket.io/')).toBe(true)
  expect(isRealtimeUpgrade('/socket.iox/?EIO=4')).toBe(false)
  expect(isRealtimeUpgrade('/socket.io')).toBe(false)
  expect(isRealtimeUpgrade('/_next/webpack-hmr')).toBe(false)
  expect(isRealtimeUpgrade(undefined)).toBe(false)
})

it('speaks WebSocket only: no long-polling handshake', async () => {
  const served = await serve()
  try {
    const response = await fetch(`http://127.0.0.1:${served.port}/socket.io/?EIO=4&transport=polling`)
    expect(response.status).toBe(400)
  } finally {
    await served.close()
  }
})
