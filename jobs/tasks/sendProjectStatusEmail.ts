import { z } from 'zod'

import { projectStatusEmail } from '../../email/templates/projectStatusEmail'
import { getConfig } from '../../lib/env'
import { PROJECT_STATUSES } from '../../projects/statusFlow'
import { portalProjectPath } from '../../src/lib/site/paths'
import { defineTask } from '../defineTask'

/** Tells a project's owner by email that its status moved (queued by the projects hook, in the move's transaction). */
export const sendProjectStatusEmailTask = defineTask({
  slug: 'sendProjectStatusEmail',
  label: 'Email status proyek',
  queue: 'default',
  input: z.object({
    projectId: z.number().int().positive(),
    from: z.enum(PROJECT_STATUSES),
    to: z.enum(PROJECT_STATUSES),
    note: z.string().max(2000).nullish(),
  }),
  retries: 5,
  backoffMs: 30_000,
  handler: async ({ projectId, from, to, note }, req) => {
    const project = await req.payload.findByID({ collection: 'projects', id: projectId, depth: 1, overrideAccess: true, req, disableErrors: true })
    // Deleted since: nobody to tell.
    if (!project) return { sentTo: null, skipped: 'project deleted' }
    const owner = typeof project.owner === 'object' ? project.owner : null
    if (!owner) throw new Error(`project ${projectId} has no owner to email`)
    const email = projectStatusEmail({
      clientName: owner.name,
      projectName: project.name,
      from,
      to,
      note: note ?? null,
      projectUrl: `${getConfig().SERVER_URL}${portalProjectPath(project.id)}`,
    })
    await req.payload.sendEmail({ to: owner.email, ...email })
    return { sentTo: owner.email }
  },
})
