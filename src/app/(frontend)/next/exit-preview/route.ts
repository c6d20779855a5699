import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { safeLocalPath } from '@/lib/site/paths'

/** Leaves draft mode and goes back to the page the editor was on (published version). */
export async function GET(request: NextRequest): Promise<Response> {
  ;(await draftMode()).disable()
  const back = safeLocalPath(request.nextUrl.searchParams.get('path')) ?? pathOfReferer(request)
  redirect(back ?? '/')
}

function pathOfReferer(request: NextRequest): string | undefined {
  const referer = request.headers.get('referer')
  if (!referer) return undefined
  try {
    const url = new URL(referer)
    return url.origin === request.nextUrl.origin ? safeLocalPath(url.pathname) : undefined
  } catch {
    return undefined
  }
}
