import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { nobody } from '../access/nobody'

const count = (name: string, label: string) => ({ name, label, type: 'number' as const, required: true, defaultValue: 0 })
const figure = (name: string, label: string) => ({ name, label, type: 'number' as const })

/**
 * One row per minute per server instance: the server's own request, database, event-loop,
 * memory, socket and job figures (performance/). Written by the server in one INSERT per
 * minute, pruned after PERFORMANCE_RETENTION_DAYS; admins read it, nobody writes over the API.
 * Milliseconds and bytes; a figure is empty when nothing was measured that minute.
 */
export const PerformanceMetrics: CollectionConfig = {
  slug: 'performance-metrics',
  labels: { singular: 'Metrik kinerja', plural: 'Metrik kinerja' },
  admin: {
    useAsTitle: 'minute',
    defaultColumns: ['minute', 'instance', 'requests', 'serverErrors', 'latencyP95', 'eventLoopLagP99', 'rssBytes'],
    group: 'Sistem',
    description: 'Ringkasan per menit dari server; analisisnya di GET /api/admin/performance-intelligence.',
  },
  defaultSort: '-minute',
  timestamps: false,
  access: { read: adminOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'minute', label: 'Menit', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'instance', label: 'Instans', type: 'text', required: true, maxLength: 64 },
    count('requests', 'Permintaan'),
    count('serverErrors', 'Galat 5xx'),
    count('clientErrors', 'Galat 4xx'),
    figure('latencyMean', 'Latensi rata-rata (ms)'),
    figure('latencyP50', 'Latensi p50 (ms)'),
    figure('latencyP95', 'Latensi p95 (ms)'),
    figure('latencyP99', 'Latensi p99 (ms)'),
    figure('latencyMax', 'Latensi maks (ms)'),
    count('dbQueries', 'Kueri basis data'),
    count('dbErrors', 'Kueri gagal'),
    figure('dbMean', 'Kueri rata-rata (ms)'),
    figure('dbP95', 'Kueri p95 (ms)'),
    figure('dbMax', 'Kueri maks (ms)'),
    figure('eventLoopLagMean', 'Lag event loop rata-rata (ms)'),
    figure('eventLoopLagP99', 'Lag event loop p99 (ms)'),
    figure('eventLoopLagMax', 'Lag event loop maks (ms)'),
    figure('rssBytes', 'RSS (byte)'),
    figure('heapUsedBytes', 'Heap terpakai (byte)'),
    count('sockets', 'Koneksi Socket.IO'),
    count('jobsCompleted', 'Tugas selesai'),
    count('jobsFailed', 'Percobaan tugas gagal'),
    // The busiest routes of the minute and the per-task job figures: small, read whole.
    { name: 'routes', label: 'Rute tersibuk', type: 'json' },
    { name: 'jobs', label: 'Tugas per jenis', type: 'json' },
  ],
}
