import { configToJSONSchema, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { collectionSchemaRef, type JsonSchema } from './zodToSchema'

/**
 * Payload's schema made exact for OpenAPI: `#/definitions/x` references become
 * `#/components/schemas/x`, and an optional select (`type: [string, null]` with an `enum`)
 * lists null among its values, as its answers hold it (the TypeScript generator adds the
 * null itself).
 */
function adaptSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(adaptSchema)
  if (!value || typeof value !== 'object') return value
  const adapted = Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? collectionSchemaRef(inner.replace('#/definitions/', '')) : adaptSchema(inner)]),
  ) as JsonSchema
  if (Array.isArray(adapted.type) && adapted.type.includes('null') && Array.isArray(adapted.enum) && !adapted.enum.includes(null)) adapted.enum = [...adapted.enum, null]
  return adapted
}

/** Written by the server, never by the caller. */
const SERVER_FIELDS = new Set(['id', 'createdAt', 'updatedAt'])

/** A join field's value (`{ docs, hasNextPage }`): read-only. */
const isJoin = (schema: JsonSchema) => {
  const properties = schema.properties as Record<string, unknown> | undefined
  return schema.type === 'object' && !!properties && 'docs' in properties && 'hasNextPage' in properties
}

/**
 * What a caller sends to create (`required`: the required fields without a default) or to
 * update (nothing required) a document: the document's fields without the server's own and
 * without joins.
 */
function inputSchema(collection: SanitizedCollectionConfig, document: JsonSchema, mode: 'create' | 'update'): JsonSchema {
  const properties = Object.fromEntries(Object.entries(document.properties as Record<string, JsonSchema>).filter(([name, schema]) => !SERVER_FIELDS.has(name) && !isJoin(schema)))
  const defaults = new Set(collection.flattenedFields.filter((field) => 'defaultValue' in field && field.defaultValue !== undefined).map((field) => field.name))
  const required = mode === 'create' ? ((document.required as string[] | undefined) ?? []).filter((name) => name in properties && !defaults.has(name)) : []
  return { ...document, title: `${String(document.title ?? collection.slug)} (${mode})`, properties, ...(required.length ? { required } : { required: undefined }) }
}

/**
 * The collections' document schemas, from the same generator as payload-types.ts, plus
 * their create and update bodies. A document's top-level fields are not marked required:
 * field-level access and `select` leave out what the caller may not or did not ask to read.
 */
export function collectionSchemas(config: SanitizedConfig, collections: SanitizedCollectionConfig[]): Record<string, JsonSchema> {
  const definitions = adaptSchema(configToJSONSchema(config, 'number').definitions ?? {}) as Record<string, JsonSchema>
  const schemas: Record<string, JsonSchema> = {}
  for (const [name, schema] of Object.entries(definitions)) {
    if (name.endsWith('_select')) continue
    schemas[name] = schema
  }
  for (const collection of collections) {
    const document = definitions[collection.slug]
    if (!document) throw new Error(`No JSON schema for collection ${collection.slug}`)
    schemas[collection.slug] = { ...document, required: ['id'] }
    schemas[`${collection.slug}_create`] = JSON.parse(JSON.stringify(inputSchema(collection, document, 'create')))
    schemas[`${collection.slug}_update`] = JSON.parse(JSON.stringify(inputSchema(collection, document, 'update')))
  }
  return schemas
}
