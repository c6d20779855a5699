import type { RealtimeHandle } from './registry'

export type InstanceStatus = {
  instanceId: string
  startedAt: string
  connections: number
  users: number
  /** Rooms with members, not counting each socket's own room. */
  rooms: number
  projectRooms: number
  messagesPerMinute: number
  messagesTotal: number
  connectionsTotal: number
  refusedTotal: number
  rssBytes: number
}

export type ConnectionInfo = {
  id: string
  userId: number
  email: string
  role: string
  ip: string
  via: string
  instanceId: string
  connectedAt: string
  rooms: string[]
}

export type RealtimeStatus = {
  instances: InstanceStatus[]
  /** Instances that did not answer within the timeout (Redis trouble, an instance stopping). */
  unreachable: boolean
  totals: { instances: number; connections: number; users: number; messagesPerMinute: number }
  connections: ConnectionInfo[]
}

/** This instance's figures, from its own sockets and adapter. */
export function localStatus(handle: RealtimeHandle): InstanceStatus {
  const namespace = handle.io.of('/')
  const sockets = [...namespace.sockets.values()]
  const roomNames = [...namespace.adapter.rooms.keys()].filter((room) => !namespace.sockets.has(room))
  return {
    instanceId: handle.instanceId,
    startedAt: handle.startedAt.toISOString(),
    connections: sockets.length,
    users: new Set(sockets.map((socket) => socket.data.userId)).size,
    rooms: roomNames.length,
    projectRooms: roomNames.filter((room) => room.startsWith('project:')).length,
    messagesPerMinute: handle.stats.messagesPerMinute(),
    messagesTotal: handle.stats.messagesTotal,
    connectionsTotal: handle.stats.connectionsTotal,
    refusedTotal: handle.stats.refusedTotal,
    rssBytes: process.memoryUsage.rss(),
  }
}

/**
 * Every instance's figures and the newest connections (for the admin's live view). With the
 * Redis adapter the other instances answer over Redis; distinct users are counted across
 * all of them.
 */
export async function realtimeStatus(handle: RealtimeHandle, connectionLimit = 200): Promise<RealtimeStatus> {
  const instances = [localStatus(handle)]
  let unreachable = false
  if (handle.clustered) {
    // Bounded by the adapter's requestsTimeout; on a timeout, keep the answers that came.
    try {
      instances.push(...((await handle.io.serverSideEmitWithAck('realtime:status')) as InstanceStatus[]))
    } catch (error) {
      instances.push(...(((error as { responses?: InstanceStatus[] }).responses ?? []) as InstanceStatus[]))
      unreachable = true
    }
  }
  const sockets = await handle.io.fetchSockets().catch(() => {
    unreachable = true
    return handle.io.local.fetchSockets()
  })
  const connections = sockets
    .map((socket) => ({
      id: socket.id,
      userId: socket.data.userId,
      email: socket.data.email,
      role: socket.data.role,
      ip: socket.data.ip,
      via: socket.data.via,
      instanceId: socket.data.instanceId,
      connectedAt: new Date(socket.data.connectedAt).toISOString(),
      rooms: [...socket.rooms].filter((room) => room !== socket.id),
    }))
    .sort((a, b) => b.connectedAt.localeCompare(a.connectedAt))
  return {
    instances,
    unreachable,
    totals: {
      instances: instances.length,
      connections: instances.reduce((sum, instance) => sum + instance.connections, 0),
      users: new Set(sockets.map((socket) => socket.data.userId)).size,
      messagesPerMinute: instances.reduce((sum, instance) => sum + instance.messagesPerMinute, 0),
    },
    connections: connections.slice(0, connectionLimit),
  }
}
