'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'

export type SessionUser = { id: number; name?: string | null; email: string; role?: string | null }
export type SessionState = { status: 'loading' } | { status: 'ready'; user: SessionUser | null }

/**
 * Who is logged in, asked of Payload (`/api/users/me`) in the browser so the public pages
 * stay cacheable for everyone. Asked again after each navigation: logging in or out
 * navigates, and the header must follow.
 */
export function useSessionUser(): [SessionState, (user: SessionUser | null) => void] {
  const pathname = usePathname()
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    fetch('/api/users/me', { credentials: 'same-origin', cache: 'no-store', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { user: null }))
      .then((body: { user?: SessionUser | null }) => setState({ status: 'ready', user: body.user ?? null }))
      .catch((error: unknown) => {
        // Offline or the API is down: show the logged-out links, which still work.
        if (!controller.signal.aborted) setState({ status: 'ready', user: null })
        return error
      })
    return () => controller.abort()
  }, [pathname])
  return [state, (user) => setState({ status: 'ready', user })]
}
