import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** Swagger UI, served from the installed package: the viewer loads nothing from another origin. */
const SWAGGER_UI_DIR = path.join(process.cwd(), 'node_modules', 'swagger-ui-dist')

/** Starts Swagger UI on the page; a file, not an inline script, so a strict script CSP can allow it. */
const INIT_SCRIPT = `window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/docs',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    docExpansion: 'none',
    tagsSorter: 'alpha',
    // Same-origin "Try it out" sends the session cookie of the logged-in user.
    withCredentials: true,
  })
})
`

type Asset = { contentType: string; read: () => Promise<string | Buffer> }

const ASSETS: Record<string, Asset> = {
  'swagger-ui.css': { contentType: 'text/css; charset=utf-8', read: () => readFile(path.join(SWAGGER_UI_DIR, 'swagger-ui.css')) },
  'swagger-ui-bundle.js': { contentType: 'text/javascript; charset=utf-8', read: () => readFile(path.join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js')) },
  'init.js': { contentType: 'text/javascript; charset=utf-8', read: async () => INIT_SCRIPT },
  'favicon-32x32.png': { contentType: 'image/png', read: () => readFile(path.join(SWAGGER_UI_DIR, 'favicon-32x32.png')) },
}

/** One of the viewer's files, or null for any other name (never a path into the disk). */
export async function viewerAsset(name: string): Promise<{ body: string | Buffer; contentType: string } | null> {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
  if (!asset) return null
  return { body: await asset.read(), contentType: asset.contentType }
}

/** The installed Swagger UI's version: in the assets' URLs, so their long cache never serves an old copy. */
const VIEWER_VERSION = (JSON.parse(readFileSync(path.join(SWAGGER_UI_DIR, 'package.json'), 'utf8')) as { version: string }).version

/** The viewer page: Swagger UI over GET /api/docs. */
export function viewerPage(): string {
  const asset = (name: string) => `/docs/${name}?v=${encodeURIComponent(VIEWER_VERSION)}`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>JasaWeb API</title>
<link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}">
<link rel="stylesheet" href="${asset('swagger-ui.css')}">
</head>
<body>
<noscript>The API viewer needs JavaScript. The OpenAPI document itself is at <a href="/api/docs">/api/docs</a>.</noscript>
<div id="swagger-ui"></div>
<script src="${asset('swagger-ui-bundle.js')}"></script>
<script src="${asset('init.js')}"></script>
</body>
</html>
`
}
