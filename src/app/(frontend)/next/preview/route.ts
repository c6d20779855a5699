import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { sitePayload } from '@/lib/site/data'
import { safeLocalPath } from '@/lib/site/paths'

import { isContentStaff } from '../../../../../access/roles'

/**
 * The admin's Preview and Live Preview open `/next/preview?path=/blog/slug`. Only a
 * logged-in editor or admin gets draft mode; with it, the site's pages read the newest
 * version of a document, with that editor's access (src/lib/site/data.ts).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const path = safeLocalPath(request.nextUrl.searchParams.get('path'))
  if (!path) return new Response('Parameter "path" harus berupa alamat di situs ini, mis. /blog/judul-artikel.', { status: 400 })
  const payload = await sitePayload()
  const { user } = await payload.auth({ headers: request.headers })
  if (!user || !isContentStaff(user)) {
    return new Response('Pratinjau draf hanya untuk editor dan admin yang sudah masuk.', { status: 403 })
  }
  ;(await draftMode()).enable()
  redirect(path)
}
