import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

/** Fields whose values never go into the audit log, and noise that changes on every write. */
const IGNORED_KEYS = new Set(['updatedAt', 'createdAt', 'password', 'hash', 'salt', 'sessions', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration'])

function clientIp(req: PayloadRequest): string | undefined {
  return req.headers?.get('x-jasaweb-client-ip') ?? undefined
}

function changedKeys(doc: Record<string, unknown>, previous: Record<string, unknown> | undefined): string[] {
  const keys = new Set([...Object.keys(doc), ...Object.keys(previous ?? {})])
  return [...keys].filter(
    (key) => !IGNORED_KEYS.has(key) && JSON.stringify(doc[key]) !== JSON.stringify(previous?.[key]),
  )
}

async function writeAudit(
  req: PayloadRequest,
  entry: { action: 'create' | 'update' | 'delete'; targetCollection: string; targetId: string; summary: string },
): Promise<void> {
  await req.payload.create({
    collection: 'audit-log',
    data: {
      ...entry,
      actor: req.user && req.user.collection === 'users' ? req.user.id : undefined,
      actorEmail: req.user?.email ?? 'system',
      ip: clientIp(req),
      at: new Date().toISOString(),
    },
    overrideAccess: true,
    req,
    depth: 0,
  })
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
