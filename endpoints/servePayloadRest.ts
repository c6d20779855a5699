import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { handleEndpoints, type Payload } from 'payload'

import { PayloadTooLarge } from '../lib/errors'
import { sendJsonError } from '../lib/http'

/**
 * Payload's REST API answered by server.ts itself (for the requests restOutsideNext.ts picks):
 * the handler Next's `/api/[...slug]` route calls, `handleEndpoints`, with server.ts's Payload,
 * the Node request turned into a fetch Request and the Response written back. Next's routing,
 * request wrapping and stream plumbing were about half of a small API call's CPU.
 */

const MALFORMED = 'The request could not be read: its address or headers are malformed.'

/**
 * The largest body these routes take. Documents of the collections served here (projects,
 * invoices, users, notifications…) are a few KB; custom endpoints stop at 64 KB themselves
 * (lib/http.ts). Uploads go to the media collection, whose writes Next answers.
 */
export const MAX_REST_BODY_BYTES = 1024 * 1024


/**
 * The body as a web stream that fails once it passes the limit (a body sent without a
 * length); Payload's body reading then fails with the PayloadTooLarge (413) it carries. The
 * rest is read and dropped: a client still sending would otherwise fail (EPIPE) before it
 * reads the 413, and the connection stays usable.
 */
function limitedBody(req: IncomingMessage): ReadableStream {
  let size = 0
  const counted: Transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size <= MAX_REST_BODY_BYTES) return done(null, chunk)
      req.unpipe(counted)
      req.resume()
      done(new PayloadTooLarge(MAX_REST_BODY_BYTES))
    },
  })
  req.pipe(counted)
  req.once('error', (error) => counted.destroy(error))
  return Readable.toWeb(counted) as ReadableStream
}

/**
 * The fetch Request for `req`. Its origin is the app's own (SERVER_URL), never the Host
 * header: Payload reads `req.origin` for redirects, and a caller must not choose it. Headers
 * come from req.headers, not rawHeaders: server.ts has stamped the client's address and the
 * request id there.
 */
function toFetchRequest(req: IncomingMessage, origin: string, signal: AbortSignal, body: ReadableStream | undefined): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each)
    else if (value !== undefined) headers.set(name, value)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    signal,
    ...(body ? { body, duplex: 'half' } : {}),
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
  if (Number(req.headers['content-length'] ?? 0) > MAX_REST_BODY_BYTES) {
    // Read and dropped, never parsed: a client still sending would otherwise fail with EPIPE before reading the 413.
    req.resume()
    return sendJsonError(res, 413, new PayloadTooLarge(MAX_REST_BODY_BYTES).message)
  }
  const body = req.method !== 'GET' && req.method !== 'OPTIONS' ? limitedBody(req) : undefined
  let request: Request
  try {
    request = toFetchRequest(req, origin, aborted.signal, body)
  } catch {
    return sendJsonError(res, 400, MALFORMED)
  }
  try {
    await writeResponse(await handleEndpoints({ config: payload.config, request }), res)
  } catch (error) {
    if (aborted.signal.aborted) return
    // Payload reads a method-override body before its own error handling: not JSON is the caller's mistake.
    if (error instanceof SyntaxError && !res.headersSent) return sendJsonError(res, 400, 'The request body is not valid JSON.')
    if (error instanceof PayloadTooLarge && !res.headersSent) return sendJsonError(res, 413, error.message)
    payload.logger.error({ err: error }, 'answering a REST request failed')
    if (!res.headersSent) sendJsonError(res, 500, 'Internal Server Error')
    else res.destroy()
  }
}
