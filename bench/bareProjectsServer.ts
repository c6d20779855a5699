/**
 * The baseline for bench/portalApi.ts: a plain node:http server with a `pg` pool that answers
 * the portal's project list with the body Payload gives a client (same documents, same paging
 * fields) and nothing else: no Next, no Payload, no access layer, no hooks. Two questions:
 * `list`, the portal's own (src/lib/portal/projectList.ts: four fields at depth 0), and
 * `full`, `GET /api/projects?depth=1&limit=…&sort=-updatedAt` (whole documents, relations
 * populated at depth 1).
 *
 * The JWT is verified cheaply: its signature and expiry (rateLimit/requestIdentity.ts, the
 * check the rate limiter makes), no database read. Payload also reads the user and its
 * sessions on every request; here the token's user id is trusted once signed. One SQL
 * statement answers: the page (owner = the user, newest update first) and the count; for
 * `full` also each project's status history, its pricing tier with features and the owner
 * with its sessions, and credentials are decrypted for completed projects, as the field's
 * access and hook do.
 *
 * Started by the benchmark with IPC: it receives { databaseUrl, poolMax, payloadSecret,
 * credentialsKey, question } and answers { port } once listening.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import pg from 'pg'

import { decryptSecret } from '../projects/credentialsCipher'
import { payloadJwtKey, requestIdentity } from '../rateLimit/requestIdentity'

export type PortalQuestion = 'list' | 'full'
export type BareProjectsConfig = { databaseUrl: string; poolMax: number; payloadSecret: string; credentialsKey: string; question: PortalQuestion }

// Payload's dates: ISO 8601 in UTC with milliseconds.
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const LIST_SQL = `
  SELECT id, name, type, status, ${iso('updated_at')} AS updated_at,
    (SELECT count(*)::int FROM projects WHERE owner_id = $1) AS total_docs
  FROM projects WHERE owner_id = $1
  ORDER BY projects.updated_at DESC, projects.created_at DESC LIMIT $2`

const FULL_SQL = `
  WITH page AS (
    SELECT * FROM projects WHERE owner_id = $1 ORDER BY updated_at DESC, created_at DESC LIMIT $2
  )
  SELECT page.id, page.name, page.type, page.status, page.url, page.notes,
    page.credentials_admin_url, page.credentials_username, page.credentials_password,
    ${iso('page.updated_at')} AS updated_at, ${iso('page.created_at')} AS created_at,
    (SELECT count(*)::int FROM projects WHERE owner_id = $1) AS total_docs,
    (SELECT json_build_object('id', u.id, 'name', u.name, 'phone', u.phone, 'role', u.role,
        'updatedAt', ${iso('u.updated_at')}, 'createdAt', ${iso('u.created_at')}, 'email', u.email,
        'sessions', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'createdAt', ${iso('s.created_at')}, 'expiresAt', ${iso('s.expires_at')}) ORDER BY s._order), '[]')
                     FROM users_sessions s WHERE s._parent_id = u.id),
        'collection', 'users')
     FROM users u WHERE u.id = $1) AS owner,
    (SELECT json_build_object('id', t.id, 'name', t.name, 'description', t.description,
        'features', (SELECT coalesce(json_agg(json_build_object('id', f.id, 'feature', f.feature) ORDER BY f._order), '[]')
                     FROM pricing_features f WHERE f._parent_id = t.id),
        'price', t.price, 'projectType', t.project_type, 'isPopular', t.is_popular, 'order', t."order",
        'updatedAt', ${iso('t.updated_at')}, 'createdAt', ${iso('t.created_at')})
     FROM pricing t WHERE t.id = page.pricing_tier_id) AS pricing_tier,
    (SELECT coalesce(json_agg(json_build_object('id', h.id, 'from', h."from", 'to', h."to", 'by', h.by_id, 'at', ${iso('h.at')}, 'note', h.note) ORDER BY h._order), '[]')
     FROM projects_status_history h WHERE h._parent_id = page.id) AS status_history
  FROM page
  ORDER BY page.updated_at DESC, page.created_at DESC`

type PageRow = {
  id: number
  name: string
  type: string
  status: string
  url: string | null
  notes: string | null
  credentials_admin_url: string | null
  credentials_username: string | null
  credentials_password: string | null
  updated_at: string
  created_at: string
  total_docs: number
  owner: unknown
  pricing_tier: unknown
  status_history: unknown[]
}

function serve(config: BareProjectsConfig): void {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolMax })
  pool.on('error', () => undefined)
  const jwtKey = payloadJwtKey(config.payloadSecret)

  const send = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body)
  }

  const listProjects = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://bare')
    if (req.method !== 'GET' || url.pathname !== '/api/projects') return send(res, 404, '{"errors":[{"message":"Not Found"}]}')
    const identity = await requestIdentity({ cookie: req.headers.cookie, authorization: req.headers.authorization }, jwtKey)
    if (!identity) return send(res, 403, '{"errors":[{"message":"You are not allowed to perform this action."}]}')
    // Only the portal's question: a client's own projects (an admin's list is not measured).
    if (identity.role !== 'client') return send(res, 403, '{"errors":[{"message":"clients only"}]}')
    const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 10) || 10))
    const { rows } = await pool.query<PageRow>(config.question === 'list' ? LIST_SQL : FULL_SQL, [Number(identity.userId), limit])
    const totalDocs = rows[0]?.total_docs ?? 0
    const docs = config.question === 'list' ? rows.map((row) => ({ id: row.id, name: row.name, type: row.type, status: row.status, updatedAt: row.updated_at })) : rows.map((row) => ({
      id: row.id,
      name: row.name,
      owner: row.owner,
      type: row.type,
      status: row.status,
      pricingTier: row.pricing_tier,
      url: row.url,
      // The owner reads them once the project is completed (collections/Projects canReadCredentials).
      ...(row.status === 'completed'
        ? { credentials: { adminUrl: row.credentials_admin_url, username: row.credentials_username, password: row.credentials_password && decryptSecret(row.credentials_password, config.credentialsKey) } }
        : {}),
      notes: row.notes,
      statusHistory: row.status_history,
      updatedAt: row.updated_at,
      createdAt: row.created_at,
    }))
    const totalPages = Math.ceil(totalDocs / limit)
    send(
      res,
      200,
      JSON.stringify({ docs, hasNextPage: totalPages > 1, hasPrevPage: false, limit, nextPage: totalPages > 1 ? 2 : null, page: 1, pagingCounter: 1, prevPage: null, totalDocs, totalPages }),
    )
  }

  const server = http.createServer((req, res) => {
    listProjects(req, res).catch((error: unknown) => send(res, 500, JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] })))
  })
  server.keepAliveTimeout = 65_000
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }))
  process.on('SIGTERM', () => {
    server.close()
    server.closeAllConnections()
    void pool.end().finally(() => process.exit(0))
  })
}

process.once('message', (config) => serve(config as BareProjectsConfig))
// Started detached (its CPU is read per process group): it must not outlive a benchmark that died.
process.on('disconnect', () => process.exit(0))
