import type { Endpoint, PayloadHandler } from 'payload'
import type { User } from '../payload-types'
import { BadRequest, errorResponse, Unauthorized } from '../lib/errors'
import { documented } from '../openapi/endpointDoc'
import { inboxDoc } from '../openapi/docs/realtimeDocs'
import { inboxQuery } from '../realtime/inboxQuery'
import { readInbox } from '../realtime/readInbox'

/**
 * GET /api/inbox?limit=20 — logged-in users: the newest items addressed to them or their
 * role, each with `read` for this user, and `unread`. The admin bell reads it; marking read
 * goes over the socket (`notifications:read`).
 */
const handler: PayloadHandler = async (req) => {
  try {
    if (!req.user || req.user.collection !== 'users') throw new Unauthorized()
    const parsed = inboxQuery.safeParse({ limit: req.searchParams.get('limit') ?? undefined })
    if (!parsed.success) throw new BadRequest('limit must be a whole number from 1 to 100.')
    const inbox = await readInbox(req.payload, req.user as User, parsed.data.limit)
    return Response.json(inbox, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}

export const inboxEndpoint: Endpoint = documented({ path: '/inbox', method: 'get', handler }, inboxDoc)
