import type { PayloadRequest } from 'payload'

import { requestClientIp } from '../hooks/recordAudit'
import { auditConnection } from './auditConnection'
import { SERVER_EVENTS } from './protocol'
import type { RealtimeHandle } from './registry'

/** An admin closes one connection, on whichever instance holds it. Null when there is no such connection. */
export async function disconnectConnection(req: PayloadRequest, handle: RealtimeHandle, socketId: string): Promise<{ id: string; userId: number; email: string } | null> {
  const [socket] = await handle.io.in(socketId).fetchSockets()
  if (!socket) return null
  handle.io.to(socketId).emit(SERVER_EVENTS.error, { code: 'disconnected', message: 'An administrator closed this connection.' })
  socket.disconnect(true)
  await auditConnection(req.payload, {
    action: 'ws_force_disconnect',
    socketId,
    ip: requestClientIp(req),
    actor: req.user ? { id: req.user.id as number, email: req.user.email ?? 'unknown' } : undefined,
    summary: `closed the connection of ${socket.data.email} (user ${socket.data.userId}) on ${socket.data.instanceId}`,
  })
  return { id: socket.id, userId: socket.data.userId, email: socket.data.email }
}
