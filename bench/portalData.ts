import type pg from 'pg'

export type PortalDataSize = {
  /** Projects the portal's client should own in the end (the seeded ones count). */
  ownProjects: number
  /** Other clients, each with a share of `otherProjects`. */
  otherClients: number
  otherProjects: number
}

/**
 * Projects around the portal's client on the seeded demo database, in bulk SQL: other
 * clients owning many projects (so access control's `owner = me` filter has a table to
 * filter), and more projects for the client, in every status with the history the status
 * flow writes (payment by the system, review and completion by the seeded admin), completed
 * ones with the seeded credential (already encrypted with the app's key, so reading them
 * decrypts as in life). Updated over the past two years, so the seeded projects stay first
 * in the portal's `-updatedAt` order. Ends with VACUUM ANALYZE, as autovacuum would.
 */
export async function addPortalProjects(client: pg.Client, ownerEmail: string, size: PortalDataSize): Promise<{ ownerId: number; ownProjects: number; projects: number; historyEntries: number }> {
  await client.query('BEGIN')
  const { rows: owners } = await client.query<{ owner_id: number; admin_id: number; owned: number }>(
    `SELECT u.id AS owner_id, (SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1) AS admin_id,
       (SELECT count(*)::int FROM projects WHERE owner_id = u.id) AS owned
     FROM users u WHERE u.email = $1`,
    [ownerEmail],
  )
  const owner = owners[0]
  if (!owner) throw new Error(`no user ${ownerEmail}: is the database seeded?`)

  await client.query(
    `INSERT INTO users (name, email, role, created_at, updated_at)
     SELECT 'Klien ' || g, 'klien' || g || '@portal-bench.jasaweb.id', 'client', created, created
     FROM (SELECT g, now() - interval '3 years' * random() AS created FROM generate_series(1, $1::int) g) s`,
    [size.otherClients],
  )

  // Two in three projects are finished; the rest wait for payment, are being built, or in review.
  await client.query(
    `CREATE TEMP TABLE portal_bench_projects ON COMMIT DROP AS
     WITH others AS (SELECT array_agg(id) AS ids FROM users WHERE email LIKE '%@portal-bench.jasaweb.id'),
       tiers AS (SELECT array_agg(id ORDER BY id) AS ids FROM pricing),
       drawn AS (
         SELECT g, CASE WHEN g <= $2::int THEN $1::int ELSE others.ids[1 + floor(random() * cardinality(others.ids))::int] END AS owner_id,
           tiers.ids[1 + floor(random() * cardinality(tiers.ids))::int] AS tier_id, random() AS r_status,
           now() - interval '2 years' * random() - interval '1 day' AS created, random() AS r_age
         FROM generate_series(1, $2::int + $3::int) g, others, tiers
       )
     SELECT g, owner_id, tier_id, created, created + (now() - interval '1 hour' - created) * r_age AS updated,
       CASE WHEN r_status < 0.15 THEN 1 WHEN r_status < 0.25 THEN 2 WHEN r_status < 0.33 THEN 3 ELSE 4 END AS steps
     FROM drawn`,
    [owner.owner_id, Math.max(0, size.ownProjects - owner.owned), size.otherProjects],
  )
  await client.query(
    `ALTER TABLE portal_bench_projects ADD COLUMN id int;
     UPDATE portal_bench_projects SET id = nextval(pg_get_serial_sequence('projects', 'id'))`,
  )
  const seeded = `(SELECT credentials_password FROM projects WHERE credentials_password IS NOT NULL ORDER BY id LIMIT 1)`
  await client.query(
    `INSERT INTO projects (id, name, owner_id, type, status, pricing_tier_id, url, credentials_admin_url, credentials_username, credentials_password, notes, created_at, updated_at)
     SELECT b.id, 'Proyek ' || b.id, b.owner_id, pr.project_type::text::enum_projects_type,
       (ARRAY['pending_payment', 'in_progress', 'review', 'completed'])[b.steps]::enum_projects_status, b.tier_id,
       CASE WHEN b.steps = 4 THEN 'https://proyek' || b.id || '.sch.id' END,
       CASE WHEN b.steps = 4 THEN 'https://proyek' || b.id || '.sch.id/admin' END,
       CASE WHEN b.steps = 4 THEN 'admin' END,
       CASE WHEN b.steps = 4 THEN ${seeded} END,
       'Dibuat untuk uji beban portal.', b.created, b.updated
     FROM portal_bench_projects b JOIN pricing pr ON pr.id = b.tier_id`,
  )
  // The status flow's history: the order, the payment (by the system), review and completion by an admin.
  await client.query(
    `INSERT INTO projects_status_history (_order, _parent_id, id, "from", "to", by_id, at, note)
     SELECT s.step, b.id, left(md5('portal-bench:' || b.id || ':' || s.step), 24), s.from_status, s.to_status,
       CASE WHEN s.step >= 3 THEN $1::int END,
       CASE WHEN s.step = b.steps THEN b.updated ELSE b.created + (b.updated - b.created) * (s.step - 1) / b.steps END,
       CASE WHEN s.step = 2 THEN 'Pembayaran QRIS diterima' END
     FROM portal_bench_projects b
     CROSS JOIN LATERAL (VALUES (1, 'order', 'pending_payment'), (2, 'pending_payment', 'in_progress'),
       (3, 'in_progress', 'review'), (4, 'review', 'completed')) s(step, from_status, to_status)
     WHERE s.step <= b.steps`,
    [owner.admin_id],
  )
  await client.query('COMMIT')
  await client.query('VACUUM ANALYZE')

  const { rows } = await client.query<{ own: number; projects: number; history: number }>(
    `SELECT (SELECT count(*)::int FROM projects WHERE owner_id = $1) AS own, (SELECT count(*)::int FROM projects) AS projects,
       (SELECT count(*)::int FROM projects_status_history) AS history`,
    [owner.owner_id],
  )
  const counts = rows[0]!
  return { ownerId: owner.owner_id, ownProjects: counts.own, projects: counts.projects, historyEntries: counts.history }
}
