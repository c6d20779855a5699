import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import type { Statement } from '../db/executeTogether'
import { sqlExecutor } from '../db/sqlExecutor'
import { CLIENT_IP_HEADER } from '../security/clientIp'

/** Fields whose values never go into the audit log, and noise that changes on every write. */
const IGNORED_KEYS = new Set(['updatedAt', 'createdAt', 'password', 'hash', 'salt', 'sessions', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration'])

/** The client's address as server.ts resolved it (security/clientIp.ts); none for local API calls. */
export function requestClientIp(req: PayloadRequest): string | undefined {
  return req.headers?.get(CLIENT_IP_HEADER) ?? undefined
}

function changedKeys(doc: Record<string, unknown>, previous: Record<string, unknown> | undefined): string[] {
  const keys = new Set([...Object.keys(doc), ...Object.keys(previous ?? {})])
  return [...keys].filter(
    (key) => !IGNORED_KEYS.has(key) && JSON.stringify(doc[key]) !== JSON.stringify(previous?.[key]),
  )
}

export type AuditEntry = {
  action: string
  targetCollection: string
  targetId: string
  summary: string
  actor?: { id: number; email: string }
  ip?: string
}

/**
 * One audit row, in plain SQL on `req`'s transaction (or the pool). Every write in the app
 * appends one, so it skips the Local API's create (hooks, validation, re-read): the values
 * are the server's own, cut to the collection's field lengths.
 */
export async function writeAuditEntry(payload: Payload, entry: AuditEntry, req?: PayloadRequest): Promise<void> {
  await (await sqlExecutor(payload, req)).execute(auditInsert([entry]))
}

/** The INSERT of audit rows, for running with other statements (db/executeTogether.ts). */
export function auditInsert(entries: readonly AuditEntry[]): Statement {
  const values = entries.map((entry) => ({
    actor_id: entry.actor?.id ?? null,
    actor_email: (entry.actor?.email ?? 'system').slice(0, 320),
    action: entry.action.slice(0, 40),
    target_collection: entry.targetCollection.slice(0, 60),
    target_id: entry.targetId.slice(0, 60),
    summary: entry.summary.slice(0, 2000),
    ip: entry.ip?.slice(0, 64) ?? null,
  }))
  return sql`
    INSERT INTO audit_log (actor_id, actor_email, action, target_collection, target_id, summary, ip, at)
    SELECT v.actor_id, v.actor_email, v.action, v.target_collection, v.target_id, v.summary, v.ip, ${new Date().toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(
      actor_id int, actor_email varchar, action varchar, target_collection varchar, target_id varchar, summary varchar, ip varchar)
    RETURNING id`
}

function writeAudit(req: PayloadRequest, entry: Omit<AuditEntry, 'actor' | 'ip'>): Promise<void> {
  const actor = req.user && req.user.collection === 'users' ? { id: Number(req.user.id), email: req.user.email ?? 'system' } : undefined
  return writeAuditEntry(req.payload, { ...entry, actor, ip: requestClientIp(req) }, req)
}

/** Appends who changed what to the audit log, inside the same transaction as the change. */
export const recordAuditAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req, context }) => {
  if (context.skipAudit) return doc
  const changed = operation === 'create' ? [] : changedKeys(doc, previousDoc)
  if (operation === 'update' && changed.length === 0) return doc
  await writeAudit(req, {
    action: operation,
    targetCollection: collection.slug,
    targetId: String(doc.id),
    summary: operation === 'create' ? 'created' : `changed: ${changed.join(', ')}`,
  })
  return doc
}

export const recordAuditAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req, context }) => {
  if (context.skipAudit) return doc
  await writeAudit(req, { action: 'delete', targetCollection: collection.slug, targetId: String(doc.id), summary: 'deleted' })
  return doc
}

export const auditHooks = {
  afterChange: [recordAuditAfterChange],
  afterDelete: [recordAuditAfterDelete],
}
