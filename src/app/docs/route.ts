import { viewerPage } from '@/lib/apiDocs/viewerAssets'

/** GET /docs — the interactive API viewer (Swagger UI) over the OpenAPI document at /api/docs. */
export function GET(): Response {
  return new Response(viewerPage(), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' } })
}
