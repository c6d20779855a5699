import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'

import { attachRealtime } from '../../../realtime/attachRealtime'
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
  // Registered before Socket.IO, as Next registers its own upgrade handler on the server.
  if (onUpgrade) server.on('upgrade', (req, socket) => onUpgrade(req, socket as net.Socket))
  const realtime = attachRealtime(server, ctx.payload, { redisUrl: null })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    realtime,
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
  } finally {
    // Upgraded sockets belong to their handler, not to the HTTP server's close.
    for (const socket of upgraded) socket.destroy()
    await served.close()
  }
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
