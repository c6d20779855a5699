import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Statement } from '../db/executeTogether'
import { sqlExecutor } from '../db/sqlExecutor'

import type { Notification } from '../payload-types'
import { runAfterCommit } from './afterCommit'
import { roomsFor, toEvent } from './notificationEvents'
import { SERVER_EVENTS, type RealtimeError } from './protocol'
import { redisEmitter } from './redisEmitter'
import { getRealtimeServer } from './registry'

/**
 * The one way events leave the server. Every hook and job stores an event with
 * `publishEvent` (a row in `notifications`, inside the caller's transaction) and it is
 * emitted once that transaction has committed; rows created through the API (an admin in
 * the notifications collection) are emitted the same way by the hook below. Store first,
 * emit second: a client that missed the emit gets the row on its next connect.
 */
export type EventInput = Pick<Notification, 'type' | 'priority' | 'title'> &
  Partial<Pick<Notification, 'body' | 'data'>> &
  ({ recipient: number; recipientRole?: never } | { recipientRole: NonNullable<Notification['recipientRole']>; recipient?: never })

export async function publishEvent(req: PayloadRequest, input: EventInput): Promise<Notification> {
  const db = await sqlExecutor(req.payload, req)
  const { rows } = await db.execute(notificationsInsert([input]))
  return emitAfterCommit(req, [input], rows)[0]!
}

function storedValues(inputs: readonly EventInput[]) {
  return inputs.map((input, index) => ({
    ord: index,
    recipient_id: input.recipient ?? null,
    recipient_role: input.recipientRole ?? null,
    type: input.type,
    priority: input.priority,
    title: input.title.slice(0, 200),
    body: input.body?.slice(0, 4000) ?? null,
    data: input.data ?? null,
  }))
}

/**
 * The INSERT that stores events, for running with other statements (db/executeTogether.ts);
 * hand its rows to emitAfterCommit. Plain SQL on req's transaction: every status change and
 * payment stores one or more of these, and the Local API's create (field hooks, validation,
 * a re-read) was most of their cost. The values are the server's own, cut to the fields' lengths.
 */
export function notificationsInsert(inputs: readonly EventInput[]): Statement {
  return sql`
    INSERT INTO notifications (recipient_id, recipient_role, type, priority, title, body, data)
    SELECT v.recipient_id, v.recipient_role, v.type, v.priority, v.title, v.body, v.data
    FROM jsonb_to_recordset(${JSON.stringify(storedValues(inputs))}::jsonb) AS v(
      ord int, recipient_id int, recipient_role enum_notifications_recipient_role, type enum_notifications_type,
      priority enum_notifications_priority, title varchar, body varchar, data jsonb)
    ORDER BY v.ord
    RETURNING id, created_at, updated_at`
}

/** Emits stored events once `req`'s transaction commits; `rows` are notificationsInsert's. */
export function emitAfterCommit(req: PayloadRequest, inputs: readonly EventInput[], rows: readonly Record<string, unknown>[]): Notification[] {
  const values = storedValues(inputs)
  // Ids are drawn in insert order, which follows ORDER BY ord.
  const ordered = [...rows].sort((a, b) => Number(a.id) - Number(b.id))
  return inputs.map((input, index) => {
    const stored = ordered[index]!
    const row: Notification = {
      id: Number(stored.id),
      recipient: values[index]!.recipient_id,
      recipientRole: values[index]!.recipient_role,
      type: input.type,
      priority: input.priority,
      title: values[index]!.title,
      body: values[index]!.body,
      data: input.data ?? null,
      readAt: null,
      deliveredAt: null,
      readBy: null,
      createdAt: new Date(stored.created_at as string).toISOString(),
      updatedAt: new Date(stored.updated_at as string).toISOString(),
    }
    runAfterCommit(req, () => emitNotification(row))
    return row
  })
}

type Broadcaster = {
  to: (room: string | string[]) => { emit: (event: string, ...args: unknown[]) => unknown }
  in: (room: string | string[]) => { disconnectSockets: (close?: boolean) => unknown }
}

/** This process's Socket.IO server, or (a worker, a script) the Redis emitter, or nobody. */
function broadcaster(): Broadcaster | Promise<Broadcaster> | undefined {
  const local = getRealtimeServer()
  if (local) return local.io as unknown as Broadcaster
  return redisEmitter() as Promise<Broadcaster> | undefined
}

/** Emits a stored row to its rooms. Synchronous when the server is in this process. */
export function emitNotification(row: Notification): void | Promise<void> {
  const target = broadcaster()
  const send = (io: Broadcaster) => {
    const event = toEvent(row)
    io.to(roomsFor(row)).emit(event.type, event)
  }
  if (target instanceof Promise) return target.then(send)
  if (target) send(target)
}

/** Tells a room's sockets why, then closes them, on every instance. */
export function closeSockets(room: string, notice: RealtimeError): void | Promise<void> {
  const target = broadcaster()
  const close = (io: Broadcaster) => {
    io.to(room).emit(SERVER_EVENTS.error, notice)
    io.in(room).disconnectSockets(true)
  }
  if (target instanceof Promise) return target.then(close)
  if (target) close(target)
}

/** notifications afterChange: a new row is an event; it goes out after the write commits. */
export const emitStoredNotification: CollectionAfterChangeHook<Notification> = ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context.skipRealtime) return doc
  runAfterCommit(req, () => emitNotification(doc))
  return doc
}
