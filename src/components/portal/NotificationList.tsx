'use client'

import type { InboxItem } from '../../../realtime/readInbox'
import { useLive } from './LiveUpdates'

const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })

/** The inbox: newest first, unread ones marked, each can be marked read, or all at once. */
export function NotificationList({ notifications }: { notifications: InboxItem[] }) {
  const live = useLive()
  const unread = notifications.filter((item) => !item.read)
  if (notifications.length === 0) {
    return (
      <div className="empty-state">
        <p>Belum ada notifikasi. Kabar tentang proyek dan pembayaran Anda akan muncul di sini.</p>
      </div>
    )
  }
  return (
    <>
      <div className="toolbar">
        <p>{unread.length > 0 ? `${unread.length} belum dibaca` : 'Semua sudah dibaca'}</p>
        {unread.length > 0 ? (
          <button type="button" className="button button--secondary button--small" onClick={() => live.markAllRead()}>
            Tandai semua dibaca
          </button>
        ) : null}
      </div>
      <ul className="notification-list">
        {notifications.map((item) => (
          <li key={item.id} className={`notification ${item.read ? '' : 'notification--unread'} notification--${item.priority}`}>
            <div>
              <p className="notification__title">{item.title}</p>
              {item.body ? <p className="notification__body">{item.body}</p> : null}
              <time className="notification__time" dateTime={item.createdAt}>
                {dateTime.format(new Date(item.createdAt))} WIB
              </time>
            </div>
            {!item.read ? (
              <button type="button" className="button button--ghost button--small" onClick={() => live.markRead([item.id])}>
                Tandai dibaca
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
