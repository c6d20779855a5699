import { validations, type RelationshipFieldSingleValidation } from 'payload'

const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * Payload's relationship check (which queries the related collection for `filterOptions`),
 * run only when the value changes. A status move or a payment rewrites the whole project,
 * and re-querying an owner nobody touched cost a database round trip on every one.
 */
export const validateRelationshipWhenChanged: RelationshipFieldSingleValidation = (value, options) => {
  if (options.operation === 'update' && value != null && String(idOf(value)) === String(idOf(options.previousValue))) return true
  return validations.relationship(value, options)
}
