import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { announcementAudience } from '../access/announcementAudience'
import { auditHooks } from '../hooks/recordAudit'
import { publishAnnouncement, stampAnnouncementNotified } from '../realtime/publishAnnouncement'
import { NOTIFICATION_PRIORITIES } from './Notifications'

export const Announcements: CollectionConfig = {
  slug: 'announcements',
  labels: { singular: 'Pengumuman', plural: 'Pengumuman' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'audience', 'priority', 'publishAt', 'expiresAt'], group: 'Sistem' },
  defaultSort: '-publishAt',
  access: { read: announcementAudience, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: {
    beforeChange: [stampAnnouncementNotified],
    // Published announcements go out as system_notification events (now, or at publishAt);
    // stored last, so the event's timestamp is as close as it can be to the commit.
    afterChange: [...auditHooks.afterChange, publishAnnouncement],
    afterDelete: auditHooks.afterDelete,
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'body', type: 'textarea', required: true, maxLength: 4000 },
    { name: 'priority', type: 'select', required: true, defaultValue: 'medium', options: [...NOTIFICATION_PRIORITIES] },
    {
      name: 'audience',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: [
        { label: 'Semua', value: 'all' },
        { label: 'Klien', value: 'clients' },
        { label: 'Admin', value: 'admins' },
      ],
    },
    { name: 'publishAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'expiresAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
        if (!value || !siblingData.publishAt) return true
        return new Date(value as string) > new Date(siblingData.publishAt as string) ? true : 'expiresAt must be after publishAt.'
      },
    },
    {
      name: 'notifiedAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', description: 'Kapan pengumuman dikirim ke pengguna sebagai notifikasi real-time.', date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
