/**
 * The baseline for bench/realtime.ts: a bare Socket.IO server with the app's transport
 * settings (WebSocket only, no compression, 64 KB messages) and nothing else: no Next, no
 * Payload, no authentication, no rooms. Prints "ready <port>". A client asks it to
 * broadcast (`bench:broadcast`) or to emit to one socket (`bench:target`), stamped with
 * the time just before the emit. The payload has the size and shape of the app's events, so
 * both servers send and both sets of clients parse the same bytes.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'

const server = http.createServer()
const io = new Server(server, { transports: ['websocket'], serveClient: false, perMessageDeflate: false, httpCompression: false, maxHttpBufferSize: 64 * 1024 })

const eventLike = (seq: number) => ({
  id: seq,
  type: 'system_notification',
  payload: { title: `Bench ${seq}`, body: 'Uji beban', priority: 'low', data: { announcementId: seq, audience: 'clients' }, audience: { role: 'client' } },
  timestamp: Date.now(),
})

io.on('connection', (socket) => {
  socket.on('bench:broadcast', (seq: number, ack?: () => void) => {
    io.emit('tick', eventLike(seq))
    ack?.()
  })
  socket.on('bench:target', (socketId: string, seq: number, ack?: () => void) => {
    io.to(socketId).emit('tick', eventLike(seq))
    ack?.()
  })
})

server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => {
  io.close()
  process.exit(0)
})
