import type { ReactNode } from 'react'

/** What a list shows when it has nothing yet: say so, and offer somewhere to go. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <h3>{title}</h3>
      {children}
    </div>
  )
}
