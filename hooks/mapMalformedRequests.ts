import type { AfterErrorHook } from 'payload'

import { errorAnswer } from './mapDatabaseInputErrors'

/**
 * Requests Payload cannot even read are the caller's mistake, not the server's: an address
 * with broken percent-encoding (Payload's route matcher decodes it and throws URIError) and
 * a multipart body that is not one (busboy's parse errors, e.g. "Unexpected end of form", and
 * Payload's own refusal of a multipart request without a boundary, which it raises as a 500).
 * Without this they surface as 500 "Something went wrong".
 */
const MULTIPART_ERRORS = /^(Unexpected end of (form|file)|Malformed (part header|urlencoded form)|Multipart: Boundary not found|Unsupported content type|Missing Content-Type|Malformed content type)/i

export const MALFORMED_ADDRESS = 'The address contains malformed percent-encoding.'
export const MALFORMED_MULTIPART = 'The multipart body could not be read: it is malformed or incomplete.'

/** A body cut off at the size limit (endpoints/servePayloadRest.ts), however the stream reader wrapped it. */
function tooLarge(error: unknown): { message: string } | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const { name, status, message, cause } = current as { name?: unknown; status?: unknown; message?: unknown; cause?: unknown }
    if (name === 'PayloadTooLarge' && status === 413 && typeof message === 'string') return { message }
    current = cause
  }
  return undefined
}

export const mapMalformedRequests: AfterErrorHook = ({ error, graphqlResult }) => {
  const cutOff = tooLarge(error)
  if (cutOff) return errorAnswer(413, cutOff.message, graphqlResult)
  if (error instanceof URIError) return errorAnswer(400, MALFORMED_ADDRESS, graphqlResult)
  const { message, stack } = error as { message?: unknown; stack?: unknown }
  if (message === 'Request is not eligible for file upload') return errorAnswer(400, MALFORMED_MULTIPART, graphqlResult)
  if (typeof message === 'string' && MULTIPART_ERRORS.test(message) && typeof stack === 'string' && stack.includes('busboy')) return errorAnswer(400, MALFORMED_MULTIPART, graphqlResult)
}
