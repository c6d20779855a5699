import type { Payload } from 'payload'

import { writeAuditEntry } from '../hooks/recordAudit'

export type ConnectionAuditEntry = {
  action: 'ws_connect' | 'ws_disconnect' | 'ws_force_disconnect'
  socketId: string
  summary: string
  ip?: string
  actor?: { id: number; email: string }
}

/**
 * Connections and disconnections in the audit log. Written after the fact and never
 * awaited by the socket: a slow database must not hold up a handshake. Never with an
 * endpoint's req: its route :id (a socket id) would trip the shared malformed-id guard.
 */
export function auditConnection(payload: Payload, entry: ConnectionAuditEntry): Promise<void> {
  const write = writeConnectionAudit(payload, entry).finally(() => pending.delete(write))
  pending.add(write)
  return write
}

// Writes still in flight, so a closing server can let them land before its database goes.
const pending = new Set<Promise<void>>()

/** Resolves once every connection audit started so far has been written (or has failed). */
export async function auditsWritten(): Promise<void> {
  await Promise.all([...pending])
}

async function writeConnectionAudit(payload: Payload, entry: ConnectionAuditEntry): Promise<void> {
  try {
    await writeAuditEntry(payload, { action: entry.action, targetCollection: 'websocket', targetId: entry.socketId, summary: entry.summary, ip: entry.ip, actor: entry.actor })
  } catch (err) {
    payload.logger.error({ err, msg: `audit of ${entry.action} ${entry.socketId} failed` })
  }
}
