import type { RealtimeEvent } from '../../../realtime/protocol'
import { createNotification } from '../../helpers/fixtures'
import { connectClient, sleep, startRealtime, websocketToken, type RealtimeHarness } from '../../helpers/realtime'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()
let harness: RealtimeHarness

beforeAll(async () => {
  harness = await startRealtime(suite.ctx)
})
afterAll(async () => harness?.close())

const tokenFor = (jwt: string) => websocketToken(suite.api, jwt)

/** Five events for client A of different kinds, and one for B in between. */
async function fiveEventsForA(tag: string): Promise<number[]> {
  const ids: number[] = []
  ids.push((await createNotification(suite.ctx.payload, { recipient: suite.world.clientA.id, title: `${tag} 1` })).id)
  await createNotification(suite.ctx.payload, { recipient: suite.world.clientB.id, title: `${tag} untuk B` })
  ids.push((await createNotification(suite.ctx.payload, { recipientRole: 'client', title: `${tag} 2` })).id)
  ids.push((await createNotification(suite.ctx.payload, { recipient: suite.world.clientA.id, title: `${tag} 3`, type: 'payment_update' })).id)
  await createNotification(suite.ctx.payload, { recipientRole: 'admin', title: `${tag} untuk admin` })
  ids.push((await createNotification(suite.ctx.payload, { recipient: suite.world.clientA.id, title: `${tag} 4`, type: 'project_update' })).id)
  ids.push((await createNotification(suite.ctx.payload, { recipient: suite.world.clientA.id, title: `${tag} 5`, priority: 'critical' })).id)
  return ids
}

function eventsIn(received: { event: string; args: unknown[] }[]): RealtimeEvent[] {
  return received.filter((item) => !item.event.startsWith('realtime:')).map((item) => item.args[0] as RealtimeEvent)
}

it('a client offline while five events happen gets all five on reconnect, in order, once', async () => {
  const first = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientA) })
  const cursor = first.ready.lastEventId ?? 0
  first.close()

  const missed = await fiveEventsForA('Terlewat')

  const again = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientA), lastEventId: cursor })
  try {
    expect(again.ready).toMatchObject({ replayed: 5, more: false, lastEventId: missed.at(-1) })
    await sleep(500)
    const replayed = eventsIn(again.received)
    expect(replayed.map((event) => event.id)).toEqual(missed)
    expect(replayed.map((event) => event.payload.title)).toEqual(['Terlewat 1', 'Terlewat 2', 'Terlewat 3', 'Terlewat 4', 'Terlewat 5'])
    expect(replayed.map((event) => event.type)).toEqual(['notification', 'notification', 'payment_update', 'project_update', 'notification'])
    expect(replayed.every((event) => event.payload.read === false)).toBe(true)
    // Replay happens before ready: the events precede it on the wire.
    expect(again.received.findIndex((item) => item.event === 'realtime:ready')).toBe(5)
  } finally {
    again.close()
  }
})

it('replays across a restart of the real-time server, from the database', async () => {
  const first = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientA) })
  const cursor = first.ready.lastEventId ?? 0
  first.close()
  await harness.close()

  const missed = await fiveEventsForA('Saat mati')
  harness = await startRealtime(suite.ctx)

  const again = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientA), lastEventId: cursor })
  try {
    expect(eventsIn(again.received).map((event) => event.id)).toEqual(missed)
  } finally {
    again.close()
  }
})

it('a client with no cursor gets none replayed, and the newest id as its cursor', async () => {
  const newest = await createNotification(suite.ctx.payload, { recipient: suite.world.clientA.id, title: 'Terbaru' })
  const client = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientA) })
  try {
    expect(client.ready).toMatchObject({ replayed: 0, lastEventId: newest.id })
    expect(eventsIn(client.received)).toEqual([])
  } finally {
    client.close()
  }
})

it('`replay` sends the events after a given id again, and marking read is remembered per user', async () => {
  const client = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientA) })
  const clientB = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientB) })
  try {
    const cursor = client.ready.lastEventId ?? 0
    const ids = await fiveEventsForA('Dibaca')
    await client.waitFor<RealtimeEvent>('notification', (event) => event.id === ids[4])
    const shared = ids[1]!

    const ack = await client.emitWithAck('notifications:read', { ids: [ids[0], shared] })
    expect(ack).toEqual({ ok: true, marked: [ids[0], shared] })
    const again = await client.emitWithAck('notifications:read', { ids: [ids[0], shared] })
    expect(again).toEqual({ ok: true, marked: [] })

    const before = client.received.length
    const replay = await client.emitWithAck('replay', { afterId: cursor })
    expect(replay).toEqual({ ok: true, replayed: 5, lastEventId: ids[4], more: false })
    const replayed = eventsIn(client.received.slice(before))
    expect(replayed.map((event) => [event.id, event.payload.read])).toEqual([
      [ids[0], true],
      [ids[1], true],
      [ids[2], false],
      [ids[3], false],
      [ids[4], false],
    ])

    // The shared row is still unread for client B.
    const beforeB = clientB.received.length
    await clientB.emitWithAck('replay', { afterId: cursor })
    const forB = eventsIn(clientB.received.slice(beforeB)).find((event) => event.id === shared)
    expect(forB?.payload.read).toBe(false)

    const all = await client.emitWithAck('notifications:read', { all: true })
    expect(all.marked).toEqual(expect.arrayContaining([ids[2], ids[3], ids[4]]))
    expect(all.marked).not.toContain(ids[0])
    const afterAll = client.received.length
    await client.emitWithAck('replay', { afterId: 0 })
    expect(eventsIn(client.received.slice(afterAll)).filter((event) => !event.payload.read)).toEqual([])
  } finally {
    client.close()
    clientB.close()
  }
})

it('pages a long backlog: `more` until the client has asked for everything', async () => {
  const first = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientB) })
  const cursor = first.ready.lastEventId ?? 0
  first.close()
  // A backlog bigger than one replay batch, written straight to the table (no emits).
  await suite.ctx.sql(
    `INSERT INTO notifications (recipient_id, title, type, priority, updated_at, created_at) SELECT $1, 'Banyak ' || g, 'message', 'low', now(), now() FROM generate_series(1, 205) g`,
    [suite.world.clientB.id],
  )
  const again = await connectClient(harness.url, { token: await tokenFor(suite.tokens.clientB), lastEventId: cursor })
  try {
    expect(again.ready).toMatchObject({ replayed: 200, more: true })
    const rest = await again.emitWithAck('replay', { afterId: again.ready.lastEventId })
    expect(rest).toMatchObject({ ok: true, replayed: 5, more: false })
    const ids = eventsIn(again.received).map((event) => event.id)
    expect(ids).toHaveLength(205)
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
    expect(new Set(ids).size).toBe(205)
  } finally {
    again.close()
  }
})
