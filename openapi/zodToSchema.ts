import { z } from 'zod'

export type JsonSchema = Record<string, unknown>

/** Where a collection's document schema lives in the OpenAPI document. */
export const collectionSchemaRef = (slug: string) => `#/components/schemas/${slug}`

/**
 * A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema. Requests are described as
 * what the caller sends (`input`: before defaults and coercion), responses as what is sent
 * back. `collectionDoc(slug)` placeholders become references to the collection's schema.
 */
export function zodToSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const slug = (z.globalRegistry.get(ctx.zodSchema) as { collectionRef?: string } | undefined)?.collectionRef
      if (!slug) return
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key]
      ;(ctx.jsonSchema as JsonSchema).$ref = collectionSchemaRef(slug)
    },
  }) as JsonSchema
  delete json.$schema
  return json
}
