import type { AfterErrorHook } from 'payload'

/**
 * Postgres error classes that mean "the caller sent a value of the wrong shape" (a query
 * such as `where[owner][equals]=abc` reaches the database as NaN). They are the caller's
 * mistake: answer 400, not 500. SQLSTATE 22xxx is "data exception".
 */
const CALLER_DATA_ERRORS: Record<string, string> = {
  '22P02': 'A value in the request has the wrong type (for example text where an id or number is expected).',
  '22003': 'A number in the request is out of range.',
  '22007': 'A date in the request is not valid.',
  '22008': 'A date in the request is out of range.',
  '22001': 'A value in the request is too long.',
}

function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code in CALLER_DATA_ERRORS) return code
    // Drizzle wraps the pg error in `cause`; GraphQL wraps the whole thing in `originalError`.
    const wrapper = current as { cause?: unknown; originalError?: unknown }
    current = wrapper.cause ?? wrapper.originalError
  }
  return undefined
}

export const mapDatabaseInputErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  const code = sqlState(error)
  if (!code) return
  const message = CALLER_DATA_ERRORS[code]!
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } } }
  return { status: 400, response: { errors: [{ message }] } }
}
