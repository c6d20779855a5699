import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Endpoint, PayloadHandler, SanitizedConfig } from 'payload'
import { z } from 'zod'

import { errorResponse } from '../lib/errors'
import { getConfig } from '../lib/env'
import { queryParams } from '../lib/http'
import { projectRoot } from '../lib/paths'
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/buildOpenApiDocument'
import { documented } from '../openapi/endpointDoc'

const built = new WeakMap<SanitizedConfig, OpenApiDocument>()

/** Built once per config: the document only changes when the code does. */
export function openApiDocumentFor(config: SanitizedConfig): OpenApiDocument {
  let document = built.get(config)
  if (!document) {
    const { SERVER_URL, isProduction } = getConfig()
    const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
    document = buildOpenApiDocument(config, { serverUrl: SERVER_URL, isProduction, version })
    built.set(config, document)
  }
  return document
}

/** It takes no parameters: any is refused, so a typo is never mistaken for an option. */
const noQuery = z.object({}).strict()

/** GET /api/docs — the OpenAPI 3.1 document; anyone may read it (the viewer is at /docs). */
const handler: PayloadHandler = (req) => {
  try {
    noQuery.parse(queryParams(req))
    return Response.json(openApiDocumentFor(req.payload.config), { headers: { 'cache-control': 'public, max-age=300' } })
  } catch (error) {
    return errorResponse(error)
  }
}

export const openApiDocumentEndpoint: Endpoint = documented(
  { path: '/docs', method: 'get', handler },
  {
    tag: 'Operations',
    summary: 'This document (OpenAPI 3.1); the interactive viewer is at /docs',
    access: 'anyone',
    query: noQuery,
    responses: { 200: { description: 'The OpenAPI document', schema: z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) }) } },
  },
)
