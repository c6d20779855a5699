'use client'

import { useRouter } from 'next/navigation'
import { createContext, useContext, useEffect, useRef, useState } from 'react'

import type { RealtimeEvent } from '../../../realtime/protocol'
import { useRealtime } from '@/lib/realtime/useRealtime'

type Live = { status: string; unread: number; lastEvent?: RealtimeEvent; markAllRead: () => void; markRead: (ids: number[]) => void }
const LiveContext = createContext<Live>({ status: 'offline', unread: 0, markAllRead: () => {}, markRead: () => {} })
export const useLive = () => useContext(LiveContext)

const STATUS_TEXT: Record<string, string> = {
  connecting: 'Menghubungkan…',
  connected: 'Terhubung langsung',
  reconnecting: 'Menyambung ulang…',
  offline: 'Luring',
  signed_out: 'Sesi berakhir',
}

/**
 * The portal's live layer: one socket for the whole portal. Any event about this client's
 * projects, payments or inbox refreshes the server-rendered page (so what is shown is always
 * what the API says), and the unread badge counts up without a reload.
 */
export function LiveUpdates({ initialUnread, children }: { initialUnread: number; children: React.ReactNode }) {
  const router = useRouter()
  const [unread, setUnread] = useState(initialUnread)
  const [lastEvent, setLastEvent] = useState<RealtimeEvent>()
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => setUnread(initialUnread), [initialUnread])

  const { status, markRead, markAllRead } = useRealtime({
    onEvent: (event) => {
      setLastEvent(event)
      if (!event.payload.read) setUnread((count) => count + 1)
      // Several events for one change arrive together: one refresh for all of them.
      clearTimeout(refreshTimer.current)
      refreshTimer.current = setTimeout(() => router.refresh(), 150)
    },
  })

  const live: Live = {
    status,
    unread,
    lastEvent,
    markRead: (ids) => {
      void markRead(ids).then(() => router.refresh())
    },
    markAllRead: () => {
      void markAllRead().then(() => {
        setUnread(0)
        router.refresh()
      })
    },
  }
  return (
    <LiveContext.Provider value={live}>
      {children}
      <p className={`live-status live-status--${status}`} role="status">
        <span className="live-status__dot" aria-hidden="true" />
        {STATUS_TEXT[status] ?? status}
      </p>
    </LiveContext.Provider>
  )
}

export function UnreadBadge() {
  const { unread } = useLive()
  if (unread <= 0) return null
  return (
    <span className="count-badge" aria-label={`${unread} belum dibaca`}>
      {unread > 99 ? '99+' : unread}
    </span>
  )
}
