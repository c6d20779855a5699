import { viewerAsset } from '@/lib/apiDocs/viewerAssets'

/** GET /docs/<asset> — the viewer's own files (Swagger UI's script and style, its start-up script). */
export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }): Promise<Response> {
  const asset = await viewerAsset((await params).asset)
  if (!asset) return Response.json({ errors: [{ message: 'No such file of the API viewer.' }] }, { status: 404 })
  return new Response(asset.body as BodyInit, { headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' } })
}
