/**
 * Request paths as route templates, so the metrics have one series per route rather than per
 * id: `/api/projects/123` → `/api/projects/:id`. Any segment with a digit, or longer than 40
 * characters, is an id (numeric ids, UUIDs, order ids, hashed file names); assets collapse to
 * their folder; deep paths are cut at six segments. The query string never counts.
 */
const MAX_SEGMENTS = 6
const MAX_SEGMENT_LENGTH = 40
const COLLAPSED_PREFIXES = ['/_next/', '/api/media/file/', '/media/'] as const
const SLUG_PARENTS = new Set(['blog', 'layanan', 'template'])

export function normaliseRoute(url: string): string {
  const queryAt = url.search(/[?#]/)
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (!path.startsWith('/')) return '(invalid)'
  for (const prefix of COLLAPSED_PREFIXES) if (path.startsWith(prefix)) return `${prefix}*`
  const segments = path.split('/').filter(Boolean)
  const route: string[] = []
  for (const [index, segment] of segments.entries()) {
    if (index === MAX_SEGMENTS) {
      route.push('*')
      break
    }
    if (/\d/.test(segment) || segment.length > MAX_SEGMENT_LENGTH) route.push(':id')
    // The public site's documents: one route whatever the slug.
    else if (index === 1 && segments.length === 2 && SLUG_PARENTS.has(segments[0]!)) route.push(':slug')
    else route.push(segment)
  }
  return `/${route.join('/')}`
}

export const OTHER_ROUTE = '(other)'

/**
 * The routes this process has labelled, at most `capacity`: once full, a path whose route is
 * new (a scanner probing random addresses, the public site's many top-level slugs) counts as
 * `(other)`, so the number of series stays bounded. Paths seen before are remembered too (a
 * cache in front of the string work), up to the same bound.
 */
export class RouteCatalogue {
  private readonly routes = new Set<string>()
  private readonly byPath = new Map<string, string>()

  constructor(readonly capacity = 200) {}

  label(url: string): string {
    const known = this.byPath.get(url)
    if (known !== undefined) return known
    let route = normaliseRoute(url)
    if (!this.routes.has(route)) {
      if (this.routes.size >= this.capacity) route = OTHER_ROUTE
      else this.routes.add(route)
    }
    if (this.byPath.size >= this.capacity * 10) this.byPath.clear()
    this.byPath.set(url, route)
    return route
  }

  get size(): number {
    return this.routes.size
  }
}
