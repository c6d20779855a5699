import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Payload, RequestContext } from 'payload'

import { slugify } from '../fields/slug'
import { getConfig } from '../lib/env'
import { projectRoot } from '../lib/paths'
import type { Pricing, Project, User } from '../payload-types'
import type { ProjectStatus } from '../projects/statusFlow'
import { pages, posts, pricingTiers, templates, testimonials } from './content'

export type DemoLogin = { role: string; email: string; password: string }

// Seeding is trusted server code: no audit trail of the demo itself, and no status emails to the demo clients.
const context: RequestContext = { skipAudit: true, skipEmail: true }

/** Demo passwords are fixed for the demo so the README can name them; never in production. */
function demoPassword(fixed: string): string {
  return getConfig().isProduction ? randomBytes(12).toString('base64url') : fixed
}

async function createUsers(payload: Payload) {
  const people = [
    { role: 'admin', email: 'admin@jasaweb.id', name: 'Admin JasaWeb', password: demoPassword('admin12345') },
    { role: 'editor', email: 'editor@jasaweb.id', name: 'Editor JasaWeb', password: demoPassword('editor12345') },
    { role: 'client', email: 'budi@sdharapan.sch.id', name: 'Budi Santoso', phone: '+62 812 3456 7890', password: demoPassword('klien12345') },
    { role: 'client', email: 'sari@kabarkini.id', name: 'Sari Wulandari', phone: '+62 813 9876 5432', password: demoPassword('klien12345') },
  ] as const
  const users: User[] = []
  for (const person of people) {
    users.push(await payload.create({ collection: 'users', data: { ...person }, overrideAccess: true, context }))
  }
  return { users, logins: people.map(({ role, email, password }) => ({ role, email, password })) }
}

async function uploadImage(payload: Payload, file: string, alt: string) {
  return payload.create({
    collection: 'media',
    data: { alt },
    filePath: path.join(projectRoot, 'seed', 'images', file),
    overrideAccess: true,
    context,
  })
}

/** Walks a project along the real status flow so its history reads as it would in life. */
async function advanceProject(payload: Payload, project: Project, target: ProjectStatus) {
  const path: ProjectStatus[] = ['in_progress', 'review', 'completed']
  const stop = target === 'pending_payment' ? 0 : path.indexOf(target) + 1
  let current = project
  for (const status of path.slice(0, stop)) {
    if (status === 'in_progress') {
      const { docs } = await payload.find({ collection: 'invoices', where: { project: { equals: project.id } }, limit: 1, overrideAccess: true })
      const invoice = docs[0]
      if (invoice) {
        await payload.update({ collection: 'invoices', id: invoice.id, data: { status: 'paid', paidAt: new Date().toISOString() }, overrideAccess: true, context })
      }
    }
    current = await payload.update({
      collection: 'projects',
      id: project.id,
      data: { status },
      overrideAccess: true,
      context: { ...context, statusActor: status === 'in_progress' ? 'system' : 'admin', statusNote: status === 'in_progress' ? 'Pembayaran QRIS diterima' : undefined },
    })
  }
  return current
}

/** Demo data for an empty database: users, content, and projects in every status with invoices. */
export async function seedDemoData(payload: Payload): Promise<DemoLogin[]> {
  const { users, logins } = await createUsers(payload)
  const [admin, , budi, sari] = users as [User, User, User, User]

  const tiers: Pricing[] = []
  for (const [order, tier] of pricingTiers.entries()) {
    tiers.push(
      await payload.create({
        collection: 'pricing',
        data: { ...tier, order, features: tier.features.map((feature) => ({ feature })) },
        overrideAccess: true,
        context,
      }),
    )
  }
  const tierFor = (type: string) => tiers.find((tier) => tier.projectType === type && tier.isPopular) ?? tiers[0]!

  for (const template of templates) {
    const image = await uploadImage(payload, template.image, `Tampilan template ${template.name}`)
    await payload.create({ collection: 'templates', data: { ...template, image: image.id }, overrideAccess: true, context })
  }

  const cover = await uploadImage(payload, 'blog-cover.jpg', 'Sampul blog JasaWeb')
  for (const [index, post] of posts.entries()) {
    const publishedAt = new Date(Date.now() - (index + 1) * 3 * 24 * 60 * 60 * 1000).toISOString()
    await payload.create({
      collection: 'posts',
      data: { ...post, slug: slugify(post.title), featuredImage: cover.id, author: admin.id, authorName: 'Tim JasaWeb', publishedAt, _status: 'published' },
      overrideAccess: true,
      context,
    })
  }
  for (const page of pages) {
    await payload.create({ collection: 'pages', data: { ...page, _status: 'published' }, overrideAccess: true, context })
  }
  for (const [order, testimonial] of testimonials.entries()) {
    await payload.create({ collection: 'testimonials', data: { ...testimonial, order }, overrideAccess: true, context })
  }

  const plannedProjects: { owner: User; name: string; type: 'sekolah' | 'berita' | 'company'; status: ProjectStatus; url?: string }[] = [
    { owner: budi, name: 'Website SD Harapan Bangsa', type: 'sekolah', status: 'completed', url: 'https://sdharapan.sch.id' },
    { owner: budi, name: 'PPDB Online SD Harapan', type: 'sekolah', status: 'review' },
    { owner: budi, name: 'Profil Yayasan Harapan', type: 'company', status: 'in_progress' },
    { owner: budi, name: 'Portal Alumni Harapan', type: 'sekolah', status: 'pending_payment' },
    { owner: sari, name: 'Portal Berita Kabar Kini', type: 'berita', status: 'completed', url: 'https://kabarkini.id' },
    { owner: sari, name: 'Kanal Video Kabar Kini', type: 'berita', status: 'pending_payment' },
  ]
  for (const planned of plannedProjects) {
    const project = await payload.create({
      collection: 'projects',
      data: {
        name: planned.name,
        owner: planned.owner.id,
        type: planned.type,
        status: 'pending_payment',
        pricingTier: tierFor(planned.type).id,
        notes: 'Dibuat dari data demo.',
        url: planned.url,
        credentials: planned.url
          ? { adminUrl: `${planned.url}/admin`, username: 'admin', password: `demo-${randomBytes(6).toString('hex')}` }
          : undefined,
      },
      overrideAccess: true,
      context,
    })
    await advanceProject(payload, project, planned.status)
  }

  for (const client of [budi, sari]) {
    await payload.create({
      collection: 'notifications',
      data: { recipient: client.id, type: 'message', priority: 'medium', title: 'Selamat datang di JasaWeb', body: 'Pantau proyek dan tagihan Anda di portal klien.' },
      overrideAccess: true,
      context,
    })
  }
  await payload.create({
    collection: 'announcements',
    data: { title: 'Pemeliharaan server', body: 'Portal akan diperbarui Minggu pukul 02.00 WIB selama 15 menit.', priority: 'low', audience: 'all', publishAt: new Date().toISOString() },
    overrideAccess: true,
    context,
  })
  return logins
}

export function printLogins(logins: DemoLogin[], serverUrl: string, log: (line: string) => void): void {
  log('Demo logins:')
  for (const login of logins) log(`  ${login.role.padEnd(7)} ${login.email.padEnd(26)} ${login.password}`)
  log(`  admin UI: ${serverUrl}/admin`)
}
