/**
 * Payload's errors recognised by HTTP status and shape, not `instanceof`: the production
 * build bundles its own copy of `payload`, while the running Payload instance may be the
 * one server.ts started from node_modules, so an error can come from either copy of a
 * class (and bundled class names are not to be relied on either).
 */
export function payloadErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return error instanceof Error && typeof status === 'number' ? status : undefined
}

/** The per-field errors of Payload's ValidationError (400 with `data.errors`), if that is what this is. */
export function payloadFieldErrors(error: unknown): { path: string; message: string }[] | undefined {
  if (payloadErrorStatus(error) !== 400) return undefined
  const errors = (error as { data?: { errors?: unknown } }).data?.errors
  if (!Array.isArray(errors)) return undefined
  return errors.flatMap((item: { path?: unknown; message?: unknown }) =>
    typeof item?.path === 'string' ? [{ path: item.path, message: typeof item.message === 'string' ? item.message : '' }] : [],
  )
}

/**
 * Payload's login refusal: 'locked' after maxLoginAttempts, 'wrong' for a bad email or
 * password. Both are 401 in Payload 3 (LockedAuth, AuthenticationError); the lock-out is told
 * by its message.
 */
export function loginRefusal(error: unknown): 'locked' | 'wrong' | undefined {
  const status = payloadErrorStatus(error)
  if (status === 423) return 'locked'
  if (status !== 401) return undefined
  return /locked/i.test((error as Error).message) ? 'locked' : 'wrong'
}
