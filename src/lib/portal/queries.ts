import type { Payload } from 'payload'

import type { Invoice, Project, User } from '../../../payload-types'
import { readInbox, type Inbox } from '../../../realtime/readInbox'
import { PROJECT_LIST_SELECT, type ProjectListItem } from './projectList'

/**
 * Everything the portal shows is read here, through the Local API with the client as the
 * user and access enforced (`overrideAccess: false`): the portal can never show what the
 * REST API would refuse. Another client's id reads as "not found". (The inbox is the one
 * exception, see realtime/readInbox.ts: per-user read marks of shared rows are server-only.)
 */
type Viewer = { payload: Payload; user: User }

const asUser = ({ user }: Viewer) => ({ user, overrideAccess: false as const })

export async function listProjects(viewer: Viewer): Promise<ProjectListItem[]> {
  const { docs } = await viewer.payload.find({ collection: 'projects', ...asUser(viewer), depth: 0, limit: 100, sort: '-updatedAt', select: PROJECT_LIST_SELECT })
  return docs
}

export async function findProject(viewer: Viewer, id: number): Promise<Project | null> {
  return viewer.payload.findByID({ collection: 'projects', id, ...asUser(viewer), depth: 1, disableErrors: true })
}

export async function listInvoices(viewer: Viewer, where: { projectId?: number } = {}): Promise<Invoice[]> {
  const { docs } = await viewer.payload.find({
    collection: 'invoices',
    ...asUser(viewer),
    where: where.projectId ? { project: { equals: where.projectId } } : undefined,
    depth: 1,
    limit: 100,
    sort: '-createdAt',
  })
  return docs
}

export async function findInvoice(viewer: Viewer, id: number): Promise<Invoice | null> {
  return viewer.payload.findByID({ collection: 'invoices', id, ...asUser(viewer), depth: 1, disableErrors: true })
}

/** The client's own inbox (addressed to them, or to every client since they joined), read per client. */
export function listNotifications(viewer: Viewer, limit = 50): Promise<Inbox> {
  return readInbox(viewer.payload, viewer.user, limit)
}

export const relationId = (value: number | { id: number } | null | undefined): number | undefined => (typeof value === 'object' && value ? value.id : (value ?? undefined))
