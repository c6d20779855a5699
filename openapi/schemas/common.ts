import { z } from 'zod'

/** Every error answer: Payload's shape, plus the request's id (also in X-Request-Id). */
export const errorBody = z.looseObject({
  errors: z.array(z.looseObject({ message: z.string(), data: z.unknown().optional() })).min(1),
  requestId: z.string().optional(),
})

export const isoDateTime = z.string().meta({ format: 'date-time' })
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
export const serialId = z.number().int().positive()

/** A document of a collection, described by the collection's own schema in the document's components. */
export function collectionDoc(slug: string): z.ZodType {
  return z.looseObject({ id: serialId }).meta({ collectionRef: slug })
}
