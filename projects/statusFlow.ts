/**
 * The project status flow (SPEC §2): the one table used by the hook that enforces it,
 * the review endpoint, the portal's next actions and the admin UI.
 *
 *   order → pending_payment → (paid) → in_progress → review → completed
 *                                           ↑           │
 *                                           └─ revision ┘
 */
export const PROJECT_STATUSES = ['pending_payment', 'in_progress', 'review', 'completed'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

/** Who may move a project: staff, the owning client, or the payment system itself. */
export type TransitionActor = 'admin' | 'owner' | 'system'

type Transition = { to: ProjectStatus; actors: readonly TransitionActor[]; label: string }

export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly Transition[]> = {
  pending_payment: [{ to: 'in_progress', actors: ['system', 'admin'], label: 'Pembayaran diterima' }],
  in_progress: [{ to: 'review', actors: ['admin'], label: 'Kirim untuk review' }],
  review: [
    { to: 'completed', actors: ['owner', 'admin'], label: 'Setujui' },
    { to: 'in_progress', actors: ['owner', 'admin'], label: 'Minta revisi' },
  ],
  completed: [],
}

export const INITIAL_PROJECT_STATUS: ProjectStatus = 'pending_payment'

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  pending_payment: 'Menunggu pembayaran',
  in_progress: 'Sedang dikerjakan',
  review: 'Menunggu review',
  completed: 'Selesai',
}

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value)
}

export function allowedTransitions(from: ProjectStatus, actor: TransitionActor): ProjectStatus[] {
  return PROJECT_TRANSITIONS[from].filter((t) => t.actors.includes(actor)).map((t) => t.to)
}

export type TransitionCheck = { ok: true } | { ok: false; message: string; allowed: ProjectStatus[] }

export function checkTransition(from: ProjectStatus, to: ProjectStatus, actor: TransitionActor): TransitionCheck {
  const allowed = allowedTransitions(from, actor)
  if (allowed.includes(to)) return { ok: true }
  const allowedText = allowed.length > 0 ? allowed.map((status) => `"${status}" (${PROJECT_STATUS_LABELS[status]})`).join(', ') : 'tidak ada (proyek sudah final)'
  return {
    ok: false,
    allowed,
    message: `Status proyek tidak bisa diubah dari "${from}" ke "${to}". Yang diizinkan dari "${from}": ${allowedText}.`,
  }
}
