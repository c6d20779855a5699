import type { CustomRoute } from '../endpoints'

/**
 * Versioned paths for the custom endpoints: `/api/v1/<path>` is `/api/<path>` (the current
 * version), answered with `API-Version: v1`. Collection routes (`/api/projects/:id`…) are
 * Payload's and stay unversioned.
 *
 * Deprecation policy (README, "API versions"): a version is announced deprecated at least
 * six months before it is removed. From then on its answers carry `Deprecation` (RFC 9745,
 * the date it was deprecated), `Sunset` (RFC 8594, the date it stops answering) and a `Link`
 * to its successor; after the sunset it answers 410 Gone. Writing those dates here is the
 * whole act of deprecating a version.
 */
export type ApiVersion = { deprecatedOn?: string; sunsetOn?: string; successor?: string }
export const API_VERSIONS: Record<string, ApiVersion> = {
  v1: {},
}

export type VersionedRequest =
  | { kind: 'unversioned' }
  | { kind: 'alias'; url: string; headers: [string, string][] }
  | { kind: 'refused'; status: 404 | 410; message: string; headers: [string, string][] }

const VERSIONED = /^\/api\/(v\d+)(\/[^?]*)?(\?.*)?$/

/** A route's path as a pattern: `:id` is one segment. */
function patternOf(route: CustomRoute): RegExp {
  const escaped = route.path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${escaped.join('/')}/?$`)
}

export function versionRouter(routes: readonly CustomRoute[], versions: Record<string, ApiVersion> = API_VERSIONS, now: () => Date = () => new Date()) {
  const patterns = routes.map(patternOf)
  return (url: string): VersionedRequest => {
    const match = VERSIONED.exec(url)
    if (!match) return { kind: 'unversioned' }
    const [, version, rest = '/', query = ''] = match as unknown as [string, string, string | undefined, string | undefined]
    const known = versions[version]
    if (!known) return { kind: 'refused', status: 404, message: `Unknown API version ${version}; the versions are ${Object.keys(versions).join(', ')}.`, headers: [] }
    const headers: [string, string][] = [['API-Version', version]]
    if (known.deprecatedOn) headers.push(['Deprecation', `@${Math.floor(Date.parse(`${known.deprecatedOn}T00:00:00Z`) / 1000)}`])
    if (known.sunsetOn) headers.push(['Sunset', new Date(`${known.sunsetOn}T00:00:00Z`).toUTCString()])
    if (known.successor) headers.push(['Link', `</api/${known.successor}${rest}>; rel="successor-version"`])
    if (known.sunsetOn && now() >= new Date(`${known.sunsetOn}T00:00:00Z`)) {
      return { kind: 'refused', status: 410, message: `API ${version} was retired on ${known.sunsetOn}${known.successor ? `; use ${known.successor}` : ''}.`, headers }
    }
    if (!patterns.some((pattern) => pattern.test(rest))) {
      return { kind: 'refused', status: 404, message: `${version} covers the custom endpoints only (payments, real time, BI, admin tools, health); ${rest} is not one of them. Collection routes are unversioned: /api${rest}.`, headers }
    }
    return { kind: 'alias', url: `/api${rest}${query}`, headers }
  }
}
