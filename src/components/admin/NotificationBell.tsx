'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import type { Inbox } from '../../../realtime/readInbox'
import { useRealtime } from '@/lib/realtime/useRealtime'
import './admin.css'

const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })

/**
 * The admin header's bell: the unread count of this user's inbox, kept live over the tab's
 * socket, and the newest items with "mark read". Any event re-reads the inbox, so the count
 * is always the server's.
 */
export function NotificationBell() {
  const [inbox, setInbox] = useState<Inbox>()
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLDivElement>(null)
  const load = useCallback(async () => {
    const response = await fetch('/api/inbox?limit=10', { credentials: 'include', cache: 'no-store' }).catch(() => undefined)
    if (response?.ok) setInbox((await response.json()) as Inbox)
  }, [])
  const { status, markRead, markAllRead } = useRealtime({ onEvent: () => void load() })

  useEffect(() => void load(), [load])
  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  const unread = inbox?.unread ?? 0
  const label = unread > 0 ? `Notifikasi: ${unread} belum dibaca` : 'Notifikasi'
  return (
    <div className="jw-bell" ref={panel}>
      <button type="button" className="jw-bell__button" aria-label={label} aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 ? <span className="jw-bell__count">{unread > 99 ? '99+' : unread}</span> : null}
        <span className={`jw-bell__dot jw-bell__dot--${status}`} aria-hidden="true" />
      </button>
      {open ? (
        <div className="jw-bell__panel" role="dialog" aria-label="Notifikasi">
          <div className="jw-bell__head">
            <strong>Notifikasi</strong>
            {unread > 0 ? (
              <button type="button" className="jw-link" onClick={() => void markAllRead().then(load)}>
                Tandai semua dibaca
              </button>
            ) : null}
          </div>
          {!inbox ? (
            <p className="jw-muted">Memuat…</p>
          ) : inbox.docs.length === 0 ? (
            <p className="jw-muted">Belum ada notifikasi.</p>
          ) : (
            <ul className="jw-bell__list">
              {inbox.docs.map((item) => (
                <li key={item.id} className={item.read ? '' : 'is-unread'}>
                  <p className="jw-bell__title">{item.title}</p>
                  {item.body ? <p className="jw-bell__body">{item.body}</p> : null}
                  <p className="jw-muted">
                    {dateTime.format(new Date(item.createdAt))} WIB
                    {!item.read ? (
                      <>
                        {' · '}
                        <button type="button" className="jw-link" onClick={() => void markRead([item.id]).then(load)}>
                          Tandai dibaca
                        </button>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <a className="jw-link" href="/admin/collections/notifications">
            Semua notifikasi →
          </a>
        </div>
      ) : null}
    </div>
  )
}
