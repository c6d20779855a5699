import { randomBytes } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { sqlExecutor } from '../db/sqlExecutor'
import type { WritePlan } from '../payments/writePlan'
import { projectMoveEvent } from '../realtime/notifyProjectStatus'
import { checkTransition, isProjectStatus, type ProjectStatus } from './statusFlow'

export type LockedProject = { id: number; name: string; owner: number | null; status: string }

/** An id like the ones Payload gives array rows (ObjectId-shaped: time first, then random). */
function arrayRowId(): string {
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + randomBytes(8).toString('hex')
}

/**
 * The projects' rows, locked until `req`'s transaction ends (in id order, so concurrent
 * batches cannot deadlock), so two payments for one project move it once.
 */
export async function lockProjects(req: PayloadRequest, projectIds: readonly number[]): Promise<Map<number, LockedProject>> {
  const locked = new Map<number, LockedProject>()
  if (projectIds.length === 0) return locked
  const db = await sqlExecutor(req.payload, req)
  const { rows } = await db.execute(sql`
    select id, name, owner_id, status from projects
    where id in (select value::int from jsonb_array_elements_text(${JSON.stringify([...new Set(projectIds)])}::jsonb))
    order by id for update`)
  for (const row of rows) {
    locked.set(Number(row.id), { id: Number(row.id), name: String(row.name), owner: row.owner_id === null ? null : Number(row.owner_id), status: String(row.status) })
  }
  return locked
}

/**
 * Moving locked projects on the payment system's behalf, as a plan of SQL writes. Each move
 * must be in the transition table for the `system` actor (the check the projects hook makes)
 * and gets what a Local API move gets: a status-history entry, an audit row and a
 * project_update. Payments are the hot path; the Local API rewrote the whole project (every
 * history row) for one column. Marks the projects it moves with their new status.
 */
export function planSystemMoves(moves: readonly { project: LockedProject; note: string }[], to: ProjectStatus): WritePlan {
  const allowed = moves.filter(({ project }) => isProjectStatus(project.status) && checkTransition(project.status, to, 'system').ok)
  const unique = [...new Map(allowed.map((move) => [move.project.id, move])).values()]
  if (unique.length === 0) return { statements: [], audits: [], events: [] }
  const at = new Date().toISOString()
  const rows = JSON.stringify(unique.map(({ project, note }) => ({ project_id: project.id, from_status: project.status, history_id: arrayRowId(), note })))
  const plan: WritePlan = {
    statements: [
      sql`update projects p set status = ${to}, updated_at = ${at}::timestamptz
          where p.id in (select (value->>'project_id')::int from jsonb_array_elements(${rows}::jsonb))
          returning p.id`,
      // The projects are locked, so the snapshot's last history position is the last one.
      sql`insert into projects_status_history (_order, _parent_id, id, "from", "to", by_id, at, note)
          select (select coalesce(max(h._order), 0) + 1 from projects_status_history h where h._parent_id = v.project_id),
                 v.project_id, v.history_id, v.from_status, ${to}, null, ${at}::timestamptz, v.note
          from jsonb_to_recordset(${rows}::jsonb) as v(project_id int, from_status varchar, history_id varchar, note varchar)
          returning id`,
    ],
    audits: unique.map(({ project }) => ({ action: 'update', targetCollection: 'projects', targetId: String(project.id), summary: 'changed: status, statusHistory' })),
    events: unique.flatMap(({ project, note }) =>
      project.owner === null ? [] : [projectMoveEvent({ projectId: project.id, projectName: project.name, owner: project.owner, from: project.status, to, note })],
    ),
  }
  for (const { project } of unique) project.status = to
  return plan
}
