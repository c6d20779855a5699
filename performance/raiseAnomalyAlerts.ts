import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload } from 'payload'

import { sqlExecutor } from '../db/sqlExecutor'
import { publishEvent } from '../realtime/publish'
import { metricLabel, type PerformanceAnomaly } from './analysePerformance'

function describe(anomaly: PerformanceAnomaly): string {
  const format = (value: number) =>
    anomaly.unit === 'bytes' ? `${(value / 1024 / 1024).toFixed(1)} MiB` : anomaly.unit === 'ratio' ? `${(value * 100).toFixed(2)}%` : `${value.toFixed(1)} ms`
  const score = anomaly.zScore === null ? 'tanpa variasi sebelumnya' : `z = ${anomaly.zScore.toFixed(1)}`
  return `${metricLabel(anomaly.metric)} ${format(anomaly.value)} pada ${anomaly.minute}, biasanya ${format(anomaly.baseline)} (${score})`
}

/**
 * An admin_alert for each anomaly, unless one for the same metric went out within the
 * cooldown: an anomaly that lasts several minutes, or that every instance sees, alerts once.
 * The check reads the stored alerts, so it holds across instances and restarts. Returns the
 * metrics alerted.
 */
export async function raiseAnomalyAlerts(payload: Payload, anomalies: readonly PerformanceAnomaly[], { cooldownMinutes, now }: { cooldownMinutes: number; now: Date }): Promise<string[]> {
  if (anomalies.length === 0) return []
  const db = await sqlExecutor(payload)
  const since = new Date(now.getTime() - cooldownMinutes * 60_000).toISOString()
  const alerted: string[] = []
  const req = await createLocalReq({}, payload)
  for (const anomaly of anomalies) {
    const { rows } = await db.execute(sql`
      SELECT 1 FROM notifications
      WHERE type = 'admin_alert' AND data->>'anomalyMetric' = ${anomaly.metric} AND created_at > ${since}
      LIMIT 1`)
    if (rows.length > 0) continue
    await publishEvent(req, {
      recipientRole: 'admin',
      type: 'admin_alert',
      priority: 'high',
      title: `Anomali kinerja: ${metricLabel(anomaly.metric)}`,
      body: `${describe(anomaly)}. Lihat GET /api/admin/performance-intelligence untuk rinciannya.`,
      data: { anomalyMetric: anomaly.metric, minute: anomaly.minute, value: anomaly.value, baseline: anomaly.baseline, zScore: anomaly.zScore },
    })
    alerted.push(anomaly.metric)
  }
  return alerted
}
