import { allowedTransitions, checkTransition, PROJECT_STATUSES, PROJECT_TRANSITIONS } from '../../projects/statusFlow'

describe('project status table', () => {
  it('lets the payment system, and only it or an admin, start work on a paid project', () => {
    expect(allowedTransitions('pending_payment', 'system')).toEqual(['in_progress'])
    expect(allowedTransitions('pending_payment', 'admin')).toEqual(['in_progress'])
    expect(allowedTransitions('pending_payment', 'owner')).toEqual([])
  })

  it('gives the owner exactly the two review actions', () => {
    for (const from of PROJECT_STATUSES) {
      const expected = from === 'review' ? ['completed', 'in_progress'] : []
      expect(allowedTransitions(from, 'owner')).toEqual(expected)
    }
  })

  it('makes completed final for everyone', () => {
    for (const actor of ['admin', 'owner', 'system'] as const) expect(allowedTransitions('completed', actor)).toEqual([])
  })

  it('never moves a project back to pending_payment', () => {
    for (const from of PROJECT_STATUSES) {
      expect(PROJECT_TRANSITIONS[from].map((t) => t.to)).not.toContain('pending_payment')
    }
  })

  it('explains a refusal with the allowed targets', () => {
    const check = checkTransition('in_progress', 'completed', 'admin')
    expect(check).toEqual({
      ok: false,
      allowed: ['review'],
      message: 'Status proyek tidak bisa diubah dari "in_progress" ke "completed". Yang diizinkan dari "in_progress": "review" (Menunggu review).',
    })
    expect(checkTransition('completed', 'review', 'admin')).toMatchObject({ ok: false, allowed: [] })
    expect(checkTransition('review', 'completed', 'owner')).toEqual({ ok: true })
  })
})
