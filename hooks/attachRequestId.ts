import type { AfterErrorHook } from 'payload'

import { currentRequestId, REQUEST_ID_HEADER } from '../lib/requestContext'

/**
 * Every error Payload answers names its request (the X-Request-Id server.ts gave it), so a
 * report from a user can be matched to the log lines. Runs after the hooks that shape the
 * error, so it sees their answer.
 */
export const attachRequestId: AfterErrorHook = ({ req, result, graphqlResult }) => {
  const requestId = req?.headers?.get(REQUEST_ID_HEADER) ?? currentRequestId()
  if (!requestId) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, requestId } } }
  return { response: { ...(result as Record<string, unknown>), requestId } }
}
