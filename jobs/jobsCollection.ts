import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'

/**
 * Payload's jobs collection, shown to admins as "Antrean tugas": read-only rows (Payload
 * writes them), a summary of the queues above the list and retry/cancel on each job
 * (endpoints/jobsAdmin.ts). Nobody else reads it.
 */
export function jobsCollection({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  return {
    ...defaultJobsCollection,
    labels: { singular: 'Tugas latar', plural: 'Antrean tugas' },
    access: { ...defaultJobsCollection.access, read: adminOnly },
    admin: {
      ...defaultJobsCollection.admin,
      hidden: false,
      group: 'Sistem',
      defaultColumns: ['taskSlug', 'queue', 'processing', 'hasError', 'totalTried', 'waitUntil', 'completedAt', 'createdAt'],
      components: { ...defaultJobsCollection.admin?.components, beforeList: ['/src/components/admin/JobQueueSummary#JobQueueSummary'] },
    },
    fields: [
      ...defaultJobsCollection.fields,
      { name: 'jobActions', type: 'ui', admin: { position: 'sidebar', components: { Field: '/src/components/admin/JobActions#JobActions' } } },
    ],
  }
}
