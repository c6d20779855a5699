import { getConfig } from '../lib/env'
import { Unauthorized } from '../lib/errors'
import { signWebsocketToken } from './websocketToken'

type SessionUser = { id: number | string; collection?: string; _sid?: string } | null | undefined

/** GET /api/websocket/token: a 5-minute handshake ticket for the logged-in user's current session. */
export function issueWebsocketToken(user: SessionUser): { token: string; expiresAt: string } {
  if (!user || user.collection !== 'users' || typeof user.id !== 'number') throw new Unauthorized('Log in first: the WebSocket token is for logged-in users.')
  if (!user._sid) throw new Unauthorized('This login carries no session to attach a WebSocket to. Log in again.')
  const { token, expiresAt } = signWebsocketToken(getConfig().PAYLOAD_SECRET, { sub: user.id, sid: user._sid })
  return { token, expiresAt: expiresAt.toISOString() }
}
