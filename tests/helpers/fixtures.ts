import path from 'node:path'
import type { Payload } from 'payload'

import type { Invoice, Notification, Pricing, Project, User } from '../../payload-types'
import { slugify } from '../../fields/slug'
import { richText } from '../../seed/lexical'

export const PASSWORD = 'rahasia-123'

export type World = {
  admin: User
  editor: User
  clientA: User
  clientB: User
  tier: Pricing
  /** One project of each client, still pending_payment, with its first invoice. */
  projectA: Project
  projectB: Project
  invoiceA: Invoice
  invoiceB: Invoice
  notificationA: Notification
  notificationB: Notification
  /** A notification addressed to every client (recipientRole). */
  notificationClients: Notification
}

let counter = 0
/** Unique emails so several worlds can live in one database. */
export function uniqueEmail(prefix: string): string {
  counter += 1
  return `${prefix}.${Date.now().toString(36)}${counter}@test.jasaweb.id`
}

export async function createUser(payload: Payload, role: 'admin' | 'editor' | 'client', name: string = role): Promise<User> {
  return payload.create({
    collection: 'users',
    data: { email: uniqueEmail(role), password: PASSWORD, name, role },
    overrideAccess: true,
  })
}

export async function createTier(payload: Payload, price = 2_500_000): Promise<Pricing> {
  return payload.create({
    collection: 'pricing',
    data: { name: `Paket ${price}`, price, projectType: 'sekolah', features: [{ feature: 'Lima halaman' }] },
    overrideAccess: true,
  })
}

export async function createProject(payload: Payload, owner: User, tier: Pricing, name = 'Website Sekolah'): Promise<{ project: Project; invoice: Invoice }> {
  const project = await payload.create({
    collection: 'projects',
    data: { name, owner: owner.id, type: 'sekolah', status: 'pending_payment', pricingTier: tier.id },
    overrideAccess: true,
  })
  const { docs } = await payload.find({ collection: 'invoices', where: { project: { equals: project.id } }, overrideAccess: true })
  return { project, invoice: docs[0]! }
}

/** Moves a project along the real flow (as the system, then an admin) to the status wanted. */
export async function moveProjectTo(payload: Payload, project: Project, target: Project['status']): Promise<Project> {
  const route: Project['status'][] = ['in_progress', 'review', 'completed']
  let current = project
  for (const status of route.slice(0, route.indexOf(target) + 1)) {
    current = await payload.update({
      collection: 'projects',
      id: project.id,
      data: { status },
      overrideAccess: true,
      context: { statusActor: status === 'in_progress' ? 'system' : 'admin' },
    })
  }
  return current
}

export async function createNotification(payload: Payload, data: Partial<Notification> & { title: string }): Promise<Notification> {
  return payload.create({ collection: 'notifications', data: { type: 'message', priority: 'medium', ...data }, overrideAccess: true })
}

export async function createWorld(payload: Payload): Promise<World> {
  const [admin, editor, clientA, clientB] = [
    await createUser(payload, 'admin', 'Admin'),
    await createUser(payload, 'editor', 'Editor'),
    await createUser(payload, 'client', 'Klien A'),
    await createUser(payload, 'client', 'Klien B'),
  ]
  const tier = await createTier(payload)
  const a = await createProject(payload, clientA, tier, 'Proyek A')
  const b = await createProject(payload, clientB, tier, 'Proyek B')
  return {
    admin,
    editor,
    clientA,
    clientB,
    tier,
    projectA: a.project,
    projectB: b.project,
    invoiceA: a.invoice,
    invoiceB: b.invoice,
    notificationA: await createNotification(payload, { recipient: clientA.id, title: 'Untuk A' }),
    notificationB: await createNotification(payload, { recipient: clientB.id, title: 'Untuk B' }),
    notificationClients: await createNotification(payload, { recipientRole: 'client', title: 'Untuk semua klien' }),
  }
}

export async function createMedia(payload: Payload, alt = 'Gambar uji') {
  return payload.create({
    collection: 'media',
    data: { alt },
    filePath: path.join(process.cwd(), 'seed', 'images', 'blog-cover.jpg'),
    overrideAccess: true,
  })
}

export async function createPost(payload: Payload, title: string, status: 'draft' | 'published') {
  return payload.create({
    collection: 'posts',
    data: { title, slug: slugify(title), content: richText([{ paragraph: title }]), _status: status },
    overrideAccess: true,
    draft: status === 'draft',
  })
}

export async function createPage(payload: Payload, title: string, status: 'draft' | 'published') {
  return payload.create({
    collection: 'pages',
    data: { title, slug: slugify(title), content: richText([{ paragraph: title }]), _status: status },
    overrideAccess: true,
    draft: status === 'draft',
  })
}

/** The Local API's `user` option: a users doc tagged with its collection, as Payload's auth gives it. */
export function actingAs(user: User): User & { collection: 'users' } {
  return { ...user, collection: 'users' }
}

/** An extra invoice on an existing project (the first one comes with the project). */
export async function createInvoice(payload: Payload, project: Project, amount = 1_000_000): Promise<Invoice> {
  return payload.create({
    collection: 'invoices',
    data: { project: project.id, amount, status: 'unpaid', dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    overrideAccess: true,
  })
}

export async function createTemplate(payload: Payload, imageId: number, name = 'Template Uji') {
  return payload.create({
    collection: 'templates',
    data: { name, category: 'sekolah', image: imageId, demoUrl: 'https://demo.jasaweb.id/uji' },
    overrideAccess: true,
  })
}

export type AnnouncementData = { title: string; audience?: 'all' | 'clients' | 'admins'; publishAt?: string; expiresAt?: string }

export async function createAnnouncement(payload: Payload, data: AnnouncementData) {
  return payload.create({ collection: 'announcements', data: { body: 'Isi pengumuman', audience: 'all', priority: 'medium', ...data }, overrideAccess: true })
}

export async function createPaymentEvent(payload: Payload, orderId: string) {
  return payload.create({
    collection: 'payment-events',
    data: { orderId, result: 'ignored', raw: { order_id: orderId } },
    overrideAccess: true,
  })
}

export async function createAuditEntry(payload: Payload, action: string) {
  return payload.create({
    collection: 'audit-log',
    data: { action, targetCollection: 'tests', targetId: '0', at: new Date().toISOString() },
    overrideAccess: true,
  })
}
