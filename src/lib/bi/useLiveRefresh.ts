'use client'

import { useEffect, useRef, useState } from 'react'

import { useRealtime } from '../realtime/useRealtime'

/**
 * Admins are sent every payment and project event (realtime/notificationEvents.ts roomsFor):
 * a paid invoice arrives as `payment_update`, and the project it starts as `project_update`.
 * One payment brings several events at once, so the refresh waits for a quiet moment.
 */
const LIVE_TYPES = ['payment_update', 'project_update'] as const
const QUIET_MS = 800

/** Calls `refresh` once after a burst of payment/project events; returns the connection status and when that last happened. */
export function useLiveRefresh(refresh: () => unknown) {
  const [refreshedAt, setRefreshedAt] = useState<Date>()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const latest = useRef(refresh)
  latest.current = refresh

  const { status } = useRealtime({
    types: LIVE_TYPES,
    onEvent: () => {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        setRefreshedAt(new Date())
        void latest.current()
      }, QUIET_MS)
    },
  })
  useEffect(() => () => clearTimeout(timer.current), [])
  return { status, refreshedAt }
}
