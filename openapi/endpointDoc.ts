import type { Endpoint } from 'payload'
import type { z } from 'zod'

/** Who may call an endpoint; decides its security and the 401/403 answers it documents. */
export type EndpointAccess = 'anyone' | 'user' | 'admin' | 'midtrans'

export type ResponseDoc = {
  description: string
  /** The JSON body; omitted for answers without one. */
  schema?: z.ZodType
  /** Also answers `text/csv` (the BI reports' `format=csv`). */
  csv?: boolean
}

/**
 * An endpoint's OpenAPI description, kept on the endpoint itself (`custom.openapi`) so the
 * document at /api/docs is built from what is registered. Request schemas are the zod
 * schemas the handler parses with; response schemas are checked against real answers by
 * the contract test.
 */
export type EndpointDoc = {
  summary: string
  description?: string
  tag: string
  access: EndpointAccess
  /** Path parameters; every `:name` in the path must be here or is documented as a serial id. */
  params?: z.ZodObject
  query?: z.ZodType
  body?: z.ZodType
  responses: Record<number, ResponseDoc>
}

/** The endpoint with its OpenAPI description attached. */
export function documented(endpoint: Endpoint, doc: EndpointDoc): Endpoint {
  return { ...endpoint, custom: { ...endpoint.custom, openapi: doc } }
}

export function endpointDoc(endpoint: Endpoint): EndpointDoc | undefined {
  return (endpoint.custom as { openapi?: EndpointDoc } | undefined)?.openapi
}
