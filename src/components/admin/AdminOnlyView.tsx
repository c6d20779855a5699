import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import { isAdmin } from '../../../access/roles'

type AdminOnlyViewProps = AdminViewServerProps & {
  /** The view's path under /admin, for the login redirect. */
  path: string
  title: string
  /** What anyone but an admin reads instead of the content. */
  refusal: string
  children: ReactNode
}

/**
 * A custom admin view in the admin's own frame, for admins only. Payload runs no access check
 * for custom views (they even bypass its "can access admin" gate, and editors log in to the
 * admin), so the role is checked here and the content is not rendered for anyone else; the
 * endpoints the content calls check again.
 */
export function AdminOnlyView({ initPageResult, params, searchParams, path, title, refusal, children }: AdminOnlyViewProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect(`/admin/login?redirect=${encodeURIComponent(`/admin${path}`)}`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user}
      // The header's global actions (the notification bell); Payload's own views pass them too.
      viewActions={req.payload.config.admin.components?.actions}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>{title}</h1>
        {isAdmin(req.user) ? children : <p>{refusal}</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
