import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

/**
 * The request a piece of work belongs to, for log lines and error answers. server.ts runs
 * each request inside `requestContext.run`; Next's route handlers, Payload's hooks and our
 * endpoints (a bundled copy of this module) find the same store through globalThis.
 */
export type RequestContext = { requestId: string }

const STORE = Symbol.for('jasaweb.requestContext')
const holder = globalThis as { [STORE]?: AsyncLocalStorage<RequestContext> }
export const requestContext: AsyncLocalStorage<RequestContext> = (holder[STORE] ??= new AsyncLocalStorage<RequestContext>())

export const REQUEST_ID_HEADER = 'x-request-id'
/** An id a load balancer or client sent is kept (so their logs and ours line up) when it is a plain token. */
const USABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/

export function requestIdFor(incoming: string | string[] | undefined | null): string {
  return typeof incoming === 'string' && USABLE_ID.test(incoming) ? incoming : randomUUID()
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId
}

/** pino's mixin: every log line written while a request is handled carries its id. */
export function requestIdLogFields(): { requestId?: string } {
  const requestId = currentRequestId()
  return requestId ? { requestId } : {}
}
