import type { AfterErrorHook } from 'payload'

type AfterErrorResult = Exclude<Awaited<ReturnType<AfterErrorHook>>, void>

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

/**
 * A delete that breaks a reference (a NOT NULL foreign key set to null, or a restricting
 * one): what still uses the row is the caller's to move first, so 409. The delete hook
 * (refuseDeletingReferenced.ts) says which documents; this is the backstop for any it misses.
 */
const REFERENCE_ERRORS = new Set(['23502', '23503'])
const STILL_REFERENCED = 'This record is still used by other records; move or delete them first.'

/**
 * The database is down, restarting or unreachable (SQLSTATE class 08 and the 57P0x
 * shutdowns, refused or reset sockets, a pool that could not connect in time): nothing is
 * wrong with the request or the server's code, so 503 and the caller tries again.
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|the database system is (starting up|shutting down)|connect ENOENT .*\.s\.PGSQL\./i
export const DATABASE_UNAVAILABLE = 'The database is unavailable for a moment; try again shortly.'

function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code in CALLER_DATA_ERRORS) return code
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return 'unavailable'
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'unavailable'
    const query = (current as { query?: unknown }).query
    const cause = (current as { cause?: { code?: unknown } }).cause
    if (typeof query === 'string' && /^\s*delete\b/i.test(query) && typeof cause?.code === 'string' && REFERENCE_ERRORS.has(cause.code)) return 'delete-referenced'
    // Drizzle wraps the pg error in `cause`; GraphQL wraps the whole thing in `originalError`.
    const wrapper = current as { cause?: unknown; originalError?: unknown }
    current = wrapper.cause ?? wrapper.originalError
  }
  return undefined
}

export const mapDatabaseInputErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  const code = sqlState(error)
  if (!code) return
  const [status, message] = code === 'delete-referenced' ? [409, STILL_REFERENCED] : code === 'unavailable' ? [503, DATABASE_UNAVAILABLE] : [400, CALLER_DATA_ERRORS[code]!]
  return errorAnswer(status, message, graphqlResult)
}

/** An afterError hook's answer: the status and message, for REST or for GraphQL. */
export function errorAnswer(status: number, message: string, graphqlResult: Parameters<AfterErrorHook>[0]['graphqlResult']): AfterErrorResult {
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: status } } }
  return { status, response: { errors: [{ message }] } }
}
