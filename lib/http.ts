import type { ServerResponse } from 'node:http'
import type { PayloadRequest } from 'payload'

import { BadRequest } from './errors'
import { currentRequestId } from './requestContext'

const MAX_JSON_BYTES = 64 * 1024

/** Reads a JSON body, refusing oversized or malformed input with a 400. */
export async function readJsonBody(req: PayloadRequest): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > MAX_JSON_BYTES) throw new BadRequest(`Request body is larger than ${MAX_JSON_BYTES} bytes.`)
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new BadRequest(`Request body is larger than ${MAX_JSON_BYTES} bytes.`)
  if (text.trim() === '') throw new BadRequest('Request body must be JSON.')
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest('Request body is not valid JSON.')
  }
}

/** Ids are Postgres serials: positive integers written plainly ("1.0", "01", "1e3" are not ids). */
function isSerialId(raw: unknown): boolean {
  const text = String(raw)
  return /^[1-9][0-9]{0,15}$/.test(text) && Number.isSafeInteger(Number(text))
}

/** Route ids are serials; anything else is a 400, not a database error. */
export function parseId(raw: unknown, what = 'id'): number {
  if (typeof raw !== 'string' || !isSerialId(raw)) throw new BadRequest(`"${String(raw).slice(0, 40)}" is not a valid ${what}.`)
  return Number(raw)
}

/** A custom GET endpoint's query, without the `depth` Payload's REST layer adds to every request. */
export function queryParams(req: PayloadRequest): Record<string, unknown> {
  const { depth: _depth, ...params } = (req.query ?? {}) as Record<string, unknown>
  return params
}

/** Answers with figures or secrets for one user: never stored by a browser or a proxy. */
export const NO_STORE = { 'cache-control': 'private, no-store' } as const

/**
 * An error answer written straight to a Node response (server.ts's own routes, before Next):
 * Payload's error shape plus the request's id, like every other error answer.
 */
export function sendJsonError(res: ServerResponse, status: number, message: string, headers: Record<string, string | number> = {}): void {
  const body = JSON.stringify({ errors: [{ message }], requestId: currentRequestId() })
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers })
  res.end(body)
}
