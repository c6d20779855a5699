import type { CollectionBeforeDeleteHook, CollectionSlug, Payload } from 'payload'

import { Conflict } from '../lib/errors'

type RequiredReference = { collection: CollectionSlug; field: string; label: string }

/**
 * The required relationships that point at a collection, read from the config: a project's
 * pricing tier and owner, an invoice's project, a template's image… Their foreign keys are
 * ON DELETE SET NULL on NOT NULL columns, so deleting what they point at would fail in the
 * database as a 500.
 */
export function requiredReferencesTo(payload: Payload, target: string): RequiredReference[] {
  const references: RequiredReference[] = []
  for (const { config } of Object.values(payload.collections)) {
    for (const field of config.flattenedFields) {
      if ((field.type === 'relationship' || field.type === 'upload') && field.required && !field.hasMany && field.relationTo === target) {
        const label = typeof config.labels?.plural === 'string' ? config.labels.plural : config.slug
        references.push({ collection: config.slug as CollectionSlug, field: field.name, label })
      }
    }
  }
  return references
}

/** Refuses (409, saying what still uses it) to delete a document other documents require. */
export const refuseDeletingReferenced: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const uses: string[] = []
  for (const reference of requiredReferencesTo(req.payload, collection.slug)) {
    const { totalDocs } = await req.payload.count({ collection: reference.collection, where: { [reference.field]: { equals: id } }, req, overrideAccess: true })
    if (totalDocs > 0) uses.push(`${totalDocs} ${reference.label.toLowerCase()}`)
  }
  if (uses.length > 0) {
    throw new Conflict(`Tidak dapat dihapus: masih dipakai oleh ${uses.join(', ')}. Pindahkan atau hapus dulu yang memakainya.`, { usedBy: uses })
  }
}
