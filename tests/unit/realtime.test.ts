import type { Payload } from 'payload'

import type { Notification } from '../../payload-types'
import { installAfterCommit, runAfterCommit } from '../../realtime/afterCommit'
import { ConnectionsPerIp, MessageLimiter } from '../../realtime/connectionLimits'
import { InstanceStats } from '../../realtime/instanceStats'
import { eventTypeOf, isReadBy, roomsFor, toEvent } from '../../realtime/notificationEvents'
import { parseClientEvent } from '../../realtime/protocol'
import { isPublished, stampAnnouncementNotified } from '../../realtime/publishAnnouncement'
import { signWebsocketToken, verifyWebsocketToken } from '../../realtime/websocketToken'

const SECRET = 'a'.repeat(40)

describe('websocket token', () => {
  it('round-trips its claims and expires after five minutes', () => {
    const now = Date.UTC(2026, 0, 1)
    const { token, expiresAt } = signWebsocketToken(SECRET, { sub: 7, sid: 'session-1' }, now)
    expect(expiresAt.getTime() - now).toBe(5 * 60_000)
    expect(verifyWebsocketToken(SECRET, token, now + 4 * 60_000)).toEqual({ ok: true, claims: { sub: 7, sid: 'session-1', exp: (now + 5 * 60_000) / 1000 } })
    expect(verifyWebsocketToken(SECRET, token, now + 5 * 60_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses another secret, a changed body and garbage', () => {
    const { token } = signWebsocketToken(SECRET, { sub: 7, sid: 's' })
    expect(verifyWebsocketToken('b'.repeat(40), token)).toEqual({ ok: false, reason: 'bad_signature' })
    const [version, , signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 1, sid: 's', exp: 9_999_999_999 })).toString('base64url')
    expect(verifyWebsocketToken(SECRET, `${version}.${forged}.${signature}`)).toEqual({ ok: false, reason: 'bad_signature' })
    for (const garbage of ['', 'x', 'v1.a.b.c', 'v2.a.b']) expect(verifyWebsocketToken(SECRET, garbage).ok).toBe(false)
  })
})

describe('client events', () => {
  it.each([
    ['project:join', { projectId: 3 }],
    ['project:leave', { projectId: 3 }],
    ['notifications:read', { ids: [1, 2] }],
    ['notifications:read', { all: true }],
    ['replay', { afterId: 0 }],
  ])('accepts %s %j', (event, body) => {
    expect(parseClientEvent(event, body)).toEqual({ ok: true, event, data: body })
  })

  it.each([
    ['project:join', { projectId: -1 }],
    ['project:join', { projectId: '3' }],
    ['project:join', { projectId: 3, extra: 1 }],
    ['notifications:read', { ids: [] }],
    ['notifications:read', { all: false }],
    ['notifications:read', { ids: Array.from({ length: 501 }, (_, index) => index + 1) }],
    ['replay', undefined],
    ['replay', { afterId: 1.5 }],
  ])('refuses %s %j as invalid_payload', (event, body) => {
    const result = parseClientEvent(event, body)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload', event } })
  })

  it('refuses unknown events, including inherited property names', () => {
    for (const event of ['broadcast', 'toString', '__proto__', 42]) expect(parseClientEvent(event, {})).toMatchObject({ ok: false, error: { code: 'unknown_event' } })
  })
})

const row = (fields: Partial<Notification>): Notification =>
  ({ id: 1, type: 'message', priority: 'medium', title: 't', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...fields }) as Notification

describe('which rooms a stored event goes to', () => {
  it('a personal item: the user only', () => {
    expect(roomsFor(row({ recipient: 5 }))).toEqual(['user:5'])
  })
  it('a role item: the role only', () => {
    expect(roomsFor(row({ recipientRole: 'client', type: 'system_notification' }))).toEqual(['role:client'])
  })
  it('a project or payment event: the owner, the project room and the admins', () => {
    expect(roomsFor(row({ recipient: 5, type: 'project_update', data: { projectId: 9 } }))).toEqual(['user:5', 'project:9', 'role:admin'])
    expect(roomsFor(row({ recipient: { id: 5 } as Notification['recipient'], type: 'payment_update', data: { invoiceId: 2 } }))).toEqual(['user:5', 'role:admin'])
  })
  it('maps the stored type message to the notification event', () => {
    expect(eventTypeOf('message')).toBe('notification')
    expect(toEvent(row({ recipient: 5, body: 'b', data: { x: 1 } }))).toEqual({
      id: 1,
      type: 'notification',
      payload: { title: 't', body: 'b', priority: 'medium', data: { x: 1 }, audience: { user: 5 } },
      timestamp: '2026-01-01T00:00:00.000Z',
    })
  })
  it('says whether a viewer has read an item', () => {
    expect(isReadBy(row({ recipient: 5, readAt: '2026-01-01' }), 5)).toBe(true)
    expect(isReadBy(row({ recipientRole: 'client', readBy: [4, 6] }), 5)).toBe(false)
    expect(isReadBy(row({ recipientRole: 'client', readBy: [5] }), 5)).toBe(true)
  })
})

describe('limits', () => {
  it('counts connections per address', () => {
    const perIp = new ConnectionsPerIp(2)
    expect([perIp.take('a'), perIp.take('a'), perIp.take('a'), perIp.take('b')]).toEqual([true, true, false, true])
    perIp.release('a')
    expect(perIp.take('a')).toBe(true)
  })

  it('gives strikes past the per-minute budget and asks to disconnect at the last one', async () => {
    const limiter = new MessageLimiter({ messagesPerMinute: 3, maxStrikes: 2 })
    const verdicts = []
    for (let index = 0; index < 5; index += 1) verdicts.push(await limiter.consume('s'))
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false, false])
    expect(verdicts[3]).toMatchObject({ strikes: 1, disconnect: false })
    expect(verdicts[4]).toMatchObject({ strikes: 2, disconnect: true })
    limiter.forget('s')
    expect((await limiter.consume('s')).allowed).toBe(true)
  })

  it('counts messages over a sliding minute', () => {
    const stats = new InstanceStats()
    const start = Date.now()
    stats.recordMessage(start)
    stats.recordMessage(start + 30_000)
    expect(stats.messagesPerMinute(start + 30_000)).toBe(2)
    expect(stats.messagesPerMinute(start + 61_000)).toBe(1)
    expect(stats.messagesPerMinute(start + 200_000)).toBe(0)
  })
})

describe('runAfterCommit', () => {
  function fakePayload() {
    const sessions: Record<string, object> = {}
    const db = {
      sessions,
      commitTransaction: async (id: string) => {
        delete sessions[id]
      },
      rollbackTransaction: async (id: string) => {
        delete sessions[id]
      },
    }
    const logged: unknown[] = []
    return { payload: { db, logger: { error: (entry: unknown) => logged.push(entry) } } as unknown as Payload, sessions, db, logged }
  }

  it('runs at once without a transaction', () => {
    const { payload } = fakePayload()
    let runs = 0
    runAfterCommit({ payload, transactionID: undefined }, () => (runs += 1))
    expect(runs).toBe(1)
  })

  it('runs queued work in order after the commit, and drops it on rollback', async () => {
    const { payload, sessions, db } = fakePayload()
    installAfterCommit(payload)
    const order: string[] = []
    sessions.t1 = {}
    sessions.t2 = {}
    runAfterCommit({ payload, transactionID: 't1' }, () => order.push('first'))
    runAfterCommit({ payload, transactionID: 't1' }, () => order.push('second'))
    runAfterCommit({ payload, transactionID: 't2' }, () => order.push('rolled back'))
    expect(order).toEqual([])
    await db.rollbackTransaction('t2')
    await db.commitTransaction('t1')
    expect(order).toEqual(['first', 'second'])
    // A commit of a session already ended (rolled back elsewhere) runs nothing.
    runAfterCommit({ payload, transactionID: 't3' }, () => order.push('gone'))
    await db.commitTransaction('t3')
    expect(order).toEqual(['first', 'second'])
  })

  it('keeps one failing task from stopping the others', async () => {
    const { payload, sessions, db, logged } = fakePayload()
    sessions.t = {}
    let ranAfter = false
    runAfterCommit({ payload, transactionID: 't' }, () => {
      throw new Error('boom')
    })
    runAfterCommit({ payload, transactionID: 't' }, () => (ranAfter = true))
    await db.commitTransaction('t')
    expect(ranAfter).toBe(true)
    expect(logged).toHaveLength(1)
  })
})

describe('announcement publication', () => {
  it('is published with no publishAt or one in the past', () => {
    const now = new Date('2026-01-01T12:00:00Z')
    expect(isPublished({ publishAt: null }, now)).toBe(true)
    expect(isPublished({ publishAt: '2026-01-01T11:00:00Z' }, now)).toBe(true)
    expect(isPublished({ publishAt: '2026-01-01T13:00:00Z' }, now)).toBe(false)
  })

  it('stamps notifiedAt once, and ignores values sent from outside', () => {
    const stamp = (data: object, originalDoc?: object) => (stampAnnouncementNotified as unknown as (args: object) => { notifiedAt: string | null })({ data, originalDoc })
    expect(stamp({ title: 'x' }).notifiedAt).toBeTruthy()
    expect(stamp({ publishAt: '2999-01-01T00:00:00Z' }).notifiedAt).toBeNull()
    expect(stamp({ publishAt: '2999-01-01T00:00:00Z', notifiedAt: '2020-01-01T00:00:00Z' }).notifiedAt).toBeNull()
    expect(stamp({ title: 'y' }, { notifiedAt: '2020-01-01T00:00:00.000Z' }).notifiedAt).toBe('2020-01-01T00:00:00.000Z')
    expect(stamp({ expiresAt: '2000-01-01T00:00:00Z' }).notifiedAt).toBeNull()
  })
})
