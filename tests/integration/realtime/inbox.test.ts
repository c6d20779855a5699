import { markNotificationsRead } from '../../../realtime/markNotificationsRead'
import { actingAs, createNotification } from '../../helpers/fixtures'
import { useWorldSuite } from '../../helpers/worldSuite'

const suite = useWorldSuite()

type InboxBody = { unread: number; docs: { id: number; title: string; read: boolean; readBy?: unknown }[] }

const inboxOf = async (token: string, query = '') => {
  const response = await suite.api.rest('GET', `/inbox${query}`, { token })
  expect(response.status).toBe(200)
  return response.body as InboxBody
}

let forA: number
let forB: number
let forClients: number
let forAdmins: number

beforeAll(async () => {
  const { payload } = suite.ctx
  const { clientA, clientB } = suite.world
  forA = (await createNotification(payload, { title: 'Untuk A', recipient: clientA.id })).id
  forB = (await createNotification(payload, { title: 'Untuk B', recipient: clientB.id })).id
  forClients = (await createNotification(payload, { title: 'Untuk semua klien', recipientRole: 'client', type: 'system_notification' })).id
  forAdmins = (await createNotification(payload, { title: 'Untuk admin', recipientRole: 'admin', type: 'admin_alert' })).id
})

describe('GET /api/inbox', () => {
  it("lists a client's own items and their role's, never another client's or the admins'", async () => {
    const inbox = await inboxOf(suite.tokens.clientA)
    const ids = inbox.docs.map((item) => item.id)
    expect(ids).toEqual(expect.arrayContaining([forA, forClients]))
    expect(ids).not.toContain(forB)
    expect(ids).not.toContain(forAdmins)
    // readBy names other users: never sent.
    expect(inbox.docs.every((item) => item.readBy === undefined)).toBe(true)
  })

  it('gives an admin their own inbox, not every client notification', async () => {
    const ids = (await inboxOf(suite.tokens.admin)).docs.map((item) => item.id)
    expect(ids).toContain(forAdmins)
    expect(ids).not.toContain(forA)
    expect(ids).not.toContain(forClients)
  })

  it('counts a shared item read for the client who marked it, and still unread for the others', async () => {
    const { payload } = suite.ctx
    const { clientA } = suite.world
    const beforeA = await inboxOf(suite.tokens.clientA)
    const beforeB = await inboxOf(suite.tokens.clientB)
    expect(beforeA.docs.find((item) => item.id === forClients)?.read).toBe(false)
    const unreadA = beforeA.docs.filter((item) => !item.read).length
    expect(beforeA.unread).toBe(unreadA)

    await markNotificationsRead(payload, actingAs(clientA), { ids: [forClients] })
    const afterA = await inboxOf(suite.tokens.clientA)
    expect(afterA.docs.find((item) => item.id === forClients)?.read).toBe(true)
    expect(afterA.unread).toBe(beforeA.unread - 1)
    const afterB = await inboxOf(suite.tokens.clientB)
    expect(afterB.docs.find((item) => item.id === forClients)?.read).toBe(false)
    expect(afterB.unread).toBe(beforeB.unread)

    await markNotificationsRead(payload, actingAs(clientA), { ids: [forA] })
    expect((await inboxOf(suite.tokens.clientA)).unread).toBe(beforeA.unread - 2)
  })

  it('honours limit, newest first', async () => {
    const inbox = await inboxOf(suite.tokens.clientA, '?limit=1')
    expect(inbox.docs).toHaveLength(1)
    expect(inbox.docs[0]!.id).toBe(Math.max(forA, forClients))
  })

  it.each(['?limit=abc', '?limit=0', '?limit=101', '?limit=1.5'])('refuses %s with a 400', async (query) => {
    const response = await suite.api.rest('GET', `/inbox${query}`, { token: suite.tokens.clientA })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/limit/)
  })

  it('refuses anonymous callers', async () => {
    expect((await suite.api.rest('GET', '/inbox')).status).toBe(401)
  })
})
