import type { Access, SanitizedConfig } from 'payload'

import { adminOnly } from './adminOnly'
import { contentStaff } from './contentStaff'
import { nobody } from './nobody'

/**
 * Payload adds collections of its own whose default access is "any logged-in user" — a
 * client could list the admin's document locks (leaking ids of other clients' records),
 * forge or release them, or rewrite the migration log. They serve the staff's admin UI only.
 */
const INTERNAL_ACCESS: Record<string, Record<'read' | 'create' | 'update' | 'delete', Access>> = {
  'payload-locked-documents': { read: contentStaff, create: contentStaff, update: contentStaff, delete: contentStaff },
  'payload-migrations': { read: adminOnly, create: nobody, update: nobody, delete: nobody },
}

/** The jobs scheduler's bookkeeping (last run of each schedule): its default is any logged-in user, who could rewrite it. */
const INTERNAL_GLOBAL_ACCESS: Record<string, Record<'read' | 'update', Access>> = {
  'payload-jobs-stats': { read: adminOnly, update: nobody },
}

export async function restrictInternalCollections(configPromise: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const config = await configPromise
  for (const collection of config.collections) {
    const access = INTERNAL_ACCESS[collection.slug]
    if (access) collection.access = { ...collection.access, ...access }
  }
  for (const global of config.globals) {
    const access = INTERNAL_GLOBAL_ACCESS[global.slug]
    if (access) global.access = { ...global.access, ...access }
  }
  return config
}
