'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import { CLIENT_EVENTS, type RealtimeError, type RealtimeEvent, type RealtimeEventType } from '../../../realtime/protocol'
import { realtimeConnection, type ConnectionStatus } from './realtimeConnection'

export type UseRealtimeOptions = {
  /** Only these event types reach `onEvent` (all when omitted). */
  types?: readonly RealtimeEventType[]
  onEvent?: (event: RealtimeEvent) => void
  /** Joins `project:<id>` while mounted (owner or admin only; the server checks). */
  projectId?: number
}

/**
 * Live events for the logged-in user over the tab's shared Socket.IO connection. Returns the
 * connection status and the events received while mounted (newest first), plus helpers to
 * mark notifications read. Reconnection, fresh tokens and replay of missed events are
 * handled by the shared connection.
 */
export function useRealtime(options: UseRealtimeOptions = {}) {
  const [status, setStatus] = useState<ConnectionStatus>('offline')
  const [error, setError] = useState<RealtimeError | undefined>()
  const [events, setEvents] = useState<RealtimeEvent[]>([])
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    const connection = realtimeConnection()
    return connection.subscribe({
      onStatus: (next, problem) => {
        setStatus(next)
        setError(problem)
      },
      onEvent: (event) => {
        const { types, onEvent } = latest.current
        if (types && !types.includes(event.type)) return
        setEvents((previous) => [event, ...previous].slice(0, 200))
        onEvent?.(event)
      },
    })
  }, [])

  const { projectId } = options
  useEffect(() => {
    if (!projectId || status !== 'connected') return
    const connection = realtimeConnection()
    void connection.emit(CLIENT_EVENTS.joinProject, { projectId })
    return () => void connection.emit(CLIENT_EVENTS.leaveProject, { projectId })
  }, [projectId, status])

  const markRead = useCallback((ids: number[]) => realtimeConnection().emit(CLIENT_EVENTS.markRead, { ids }), [])
  const markAllRead = useCallback(() => realtimeConnection().emit(CLIENT_EVENTS.markRead, { all: true }), [])

  return { status, error, events, markRead, markAllRead }
}
