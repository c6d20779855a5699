import type { Payload } from 'payload'

/**
 * Whether a user may follow a project's room: whether the user may read the project, asked
 * of Payload with the user's own access (the owner and admins can; anyone else gets the
 * same answer whether or not the project exists).
 */
export async function mayFollowProject(payload: Payload, user: { id: number; role: string; collection: 'users' }, projectId: number): Promise<boolean> {
  try {
    await payload.findByID({ collection: 'projects', id: projectId, depth: 0, user, overrideAccess: false, select: { createdAt: true } })
    return true
  } catch {
    return false
  }
}
