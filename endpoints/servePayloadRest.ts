import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { handleEndpoints, type Payload } from 'payload'

import { sendJsonError } from '../lib/http'

/**
 * Payload's REST API answered by server.ts itself (for the requests restOutsideNext.ts picks):
 * the handler Next's `/api/[...slug]` route calls, `handleEndpoints`, with server.ts's Payload,
 * the Node request turned into a fetch Request and the Response written back. Next's routing,
 * request wrapping and stream plumbing were about half of a small API call's CPU.
 */

const MALFORMED = 'The request could not be read: its address or headers are malformed.'

/**
 * The fetch Request for `req`. Its origin is the app's own (SERVER_URL), never the Host
 * header: Payload reads `req.origin` for redirects, and a caller must not choose it. Headers
 * come from req.headers, not rawHeaders: server.ts has stamped the client's address and the
 * request id there.
 */
function toFetchRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'OPTIONS'
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  // Several cookies (login, logout) must stay several headers.
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  if (!response.body) {
    res.writeHead(response.status, headers)
    res.end()
    return
  }
  // JSON answers whole, with their length; anything else (an uploaded file) streamed.
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    const body = Buffer.from(await response.arrayBuffer())
    headers['content-length'] = String(body.length)
    res.writeHead(response.status, headers)
    res.end(body)
    return
  }
  res.writeHead(response.status, headers)
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res)
}

export async function servePayloadRest(payload: Payload, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborted = new AbortController()
  // 'close' also follows a finished response; only an unfinished one means the caller left.
  res.once('close', () => {
    if (!res.writableFinished) aborted.abort()
  })
  let request: Request
  try {
    request = toFetchRequest(req, origin, aborted.signal)
  } catch {
    return sendJsonError(res, 400, MALFORMED)
  }
  try {
    await writeResponse(await handleEndpoints({ config: payload.config, request }), res)
  } catch (error) {
    if (aborted.signal.aborted) return
    // Payload reads a method-override body before its own error handling: not JSON is the caller's mistake.
    if (error instanceof SyntaxError && !res.headersSent) return sendJsonError(res, 400, 'The request body is not valid JSON.')
    payload.logger.error({ err: error }, 'answering a REST request failed')
    if (!res.headersSent) sendJsonError(res, 500, 'Internal Server Error')
    else res.destroy()
  }
}
