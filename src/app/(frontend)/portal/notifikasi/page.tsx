import { NotificationList } from '@/components/portal/NotificationList'
import { listNotifications } from '@/lib/portal/queries'
import { requireClient } from '@/lib/portal/requireClient'

export const metadata = { title: 'Notifikasi' }

export default async function NotificationsPage() {
  const viewer = await requireClient()
  const { docs } = await listNotifications(viewer, 100)
  return (
    <>
      <h1 className="portal__title">Notifikasi</h1>
      <NotificationList notifications={docs} />
    </>
  )
}
