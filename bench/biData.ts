import type pg from 'pg'

export type BiDataSize = { users: number; projects: number; invoices: number }

/**
 * A believable agency history for the BI benchmark, written in bulk SQL (generate_series),
 * not through the Local API: three years up to `now` of users (mostly clients, growing over
 * time), projects that move pending_payment → in_progress → review → completed on their own
 * timeline (the status history is that timeline, the status its last step), and invoices:
 * each project's first one, paid when the project started, plus follow-ups (hosting,
 * changes) paid, unpaid, overdue or cancelled. Every column the BI SQL reads is filled
 * consistently. Runs on a fresh, migrated database.
 */
export async function generateBiData(client: pg.Client, size: BiDataSize, now: Date): Promise<Record<string, number>> {
  const at = now.toISOString()
  const followUps = size.invoices - size.projects
  if (followUps < 0) throw new RangeError('at least one invoice per project')
  await client.query('BEGIN')

  // Nine tiers: three per project type, "order" 0–2 from the cheapest.
  await client.query(`
    INSERT INTO pricing (name, price, project_type, "order")
    SELECT initcap(t.type) || ' ' || l.name, t.base * l.factor, t.type::enum_pricing_project_type, l.ord
    FROM (VALUES ('sekolah', 2500000), ('berita', 3500000), ('company', 3000000)) t(type, base)
    CROSS JOIN (VALUES (0, 'Dasar', 1), (1, 'Standar', 2), (2, 'Pro', 4)) l(ord, name, factor)`)

  // 0.1% admins and 0.5% editors, who joined in the first quarter; clients join at a rate
  // that grows slowly (created = start + span·u^0.8: a third more a month at the end than at the start).
  const staff = Math.max(2, Math.round(size.users * 0.006))
  await client.query(
    `
    INSERT INTO users (name, email, role, created_at, updated_at)
    SELECT 'Pengguna ' || g, 'pengguna' || g || '@bench.jasaweb.id', role::enum_users_role, created, created
    FROM (
      SELECT g,
        CASE WHEN g <= $2::int / 6 + 1 THEN 'admin' WHEN g <= $2 THEN 'editor' ELSE 'client' END AS role,
        CASE WHEN g <= $2::int THEN $1::timestamptz - interval '3 years' + interval '90 days' * random()
             ELSE $1::timestamptz - interval '3 years' * (1 - power(random(), 0.8)) END AS created
      FROM generate_series(1, $3::int) g
    ) s`,
    [at, staff, size.users],
  )

  // Each project's timeline. Seven in ten clients ever order; a project comes some time after
  // its owner registered (sooner more often); 5% are never paid; payment takes hours to days,
  // the work 2–8 weeks, the review 2–14 days.
  await client.query(
    `
    CREATE TEMP TABLE bench_timeline ON COMMIT DROP AS
    WITH clients AS MATERIALIZED (
      SELECT id, created_at, row_number() OVER (ORDER BY id) AS rn FROM users WHERE role = 'client'
    ), picks AS MATERIALIZED (
      SELECT g, 1 + floor(random() * 0.7 * (SELECT count(*) FROM clients))::int AS rn,
        random() AS r_type, random() AS r_level, random() AS r_age, random() AS r_pending,
        random() < 0.05 AS never_paid, random() AS r_work, random() AS r_review
      FROM generate_series(1, $2::int) g
    ), started AS (
      SELECT p.*, c.id AS owner_id,
        c.created_at + ($1::timestamptz - c.created_at) * (p.r_age * p.r_age) AS t0
      FROM picks p JOIN clients c ON c.rn = p.rn
    ), timed AS (
      SELECT s.*, CASE WHEN NOT never_paid THEN t0 + interval '2 hours' + interval '5 days' * r_pending * r_pending END AS t1
      FROM started s
    ), worked AS (
      SELECT t.*, t1 + interval '14 days' + interval '42 days' * r_work AS t2 FROM timed t
    )
    SELECT g, owner_id, t0, t1, t2, t2 + interval '2 days' + interval '12 days' * r_review AS t3, never_paid,
      CASE WHEN r_type < 0.5 THEN 'sekolah' WHEN r_type < 0.7 THEN 'berita' ELSE 'company' END AS type,
      CASE WHEN r_level < 0.5 THEN 0 WHEN r_level < 0.85 THEN 1 ELSE 2 END AS level
    FROM worked`,
    [at, size.projects],
  )

  await client.query(
    `
    INSERT INTO projects (id, name, owner_id, type, status, pricing_tier_id, created_at, updated_at)
    SELECT t.g, 'Proyek ' || t.g, t.owner_id, t.type::enum_projects_type,
      (CASE WHEN t.t1 IS NULL OR t.t1 > $1 THEN 'pending_payment' WHEN t.t2 > $1 THEN 'in_progress'
            WHEN t.t3 > $1 THEN 'review' ELSE 'completed' END)::enum_projects_status,
      pr.id, t.t0, greatest(t.t0, least(coalesce(t.t3, t.t0), $1))
    FROM bench_timeline t JOIN pricing pr ON pr.project_type::text = t.type AND pr."order" = t.level`,
    [at],
  )
  await client.query(`SELECT setval(pg_get_serial_sequence('projects', 'id'), (SELECT max(id) FROM projects))`)

  // The history is the timeline's steps that have happened.
  await client.query(
    `
    INSERT INTO projects_status_history (_order, _parent_id, id, "from", "to", at)
    SELECT s.ord, t.g, md5(t.g || ':' || s.ord), s.from_status, s.to_status, s.at
    FROM bench_timeline t CROSS JOIN LATERAL (VALUES
      (1, 'order', 'pending_payment', t.t0), (2, 'pending_payment', 'in_progress', t.t1),
      (3, 'in_progress', 'review', t.t2), (4, 'review', 'completed', t.t3)) s(ord, from_status, to_status, at)
    WHERE s.at IS NOT NULL AND s.at <= $1`,
    [at],
  )

  // First invoices: the tier's price, due in seven days, paid when the project started; a
  // never-paid project's is cancelled after a month.
  await client.query(
    `
    INSERT INTO invoices (number, project_id, amount, status, due_date, paid_at, created_at, updated_at)
    SELECT 'INV-BENCH-' || lpad(t.g::text, 7, '0'), t.g, pr.price, t.status::enum_invoices_status, t.t0 + interval '7 days',
      CASE WHEN t.status = 'paid' THEN t.t1 END, t.t0, coalesce(CASE WHEN t.status = 'paid' THEN t.t1 END, t.t0)
    FROM (
      SELECT t.*, CASE WHEN t.t1 <= $1 THEN 'paid' WHEN t.never_paid AND t.t0 < $1::timestamptz - interval '30 days' THEN 'cancelled' ELSE 'unpaid' END AS status
      FROM bench_timeline t
    ) t JOIN projects p ON p.id = t.g JOIN pricing pr ON pr.id = p.pricing_tier_id`,
    [at],
  )

  // Follow-ups on started projects (hosting, changes): each project gets them at a steady
  // rate for a year from its start (or until now), so revenue follows the business's growth; 10–40% of the tier's price; 3% cancelled, half of those under a week old still
  // open, 5% of older ones never paid (overdue). Drawn 2% over and trimmed to the exact count.
  await client.query(
    `
    WITH started AS MATERIALIZED (
      SELECT t.g, t.t1, pr.price, extract(epoch FROM least($1::timestamptz - t.t1, interval '365 days')) AS age
      FROM bench_timeline t JOIN projects p ON p.id = t.g JOIN pricing pr ON pr.id = p.pricing_tier_id
      WHERE t.t1 <= $1
    ), rate AS (
      SELECT $2::float8 * 1.02 / sum(age) AS per_second FROM started
    ), drawn AS (
      SELECT s.g, s.price, s.t1 + make_interval(secs => s.age * random()) AS created,
        random() AS r_amount, random() AS r_status, random() AS r_paid
      FROM started s CROSS JOIN rate
      CROSS JOIN LATERAL generate_series(1, floor(s.age * rate.per_second + random())::int) k
    ), chosen AS MATERIALIZED (
      SELECT d.*, row_number() OVER () AS k FROM (SELECT * FROM drawn ORDER BY random() LIMIT $2::int) d
    ), decided AS (
      SELECT c.*, CASE WHEN r_status < 0.03 THEN 'cancelled'
        WHEN r_status < 0.03 + CASE WHEN created > $1::timestamptz - interval '7 days' THEN 0.5 ELSE 0.05 END THEN 'unpaid'
        ELSE 'paid' END AS status
      FROM chosen c
    )
    INSERT INTO invoices (number, project_id, amount, status, due_date, paid_at, created_at, updated_at)
    SELECT 'INV-BENCH-F' || lpad(k::text, 7, '0'), g, round(price * (0.1 + 0.3 * r_amount) / 1000) * 1000,
      status::enum_invoices_status, created + interval '7 days',
      CASE WHEN status = 'paid' THEN least(created + interval '10 days' * r_paid * r_paid, $1::timestamptz - interval '1 minute') END,
      created, created
    FROM decided`,
    [at, followUps],
  )
  await client.query('COMMIT')
  // As autovacuum would leave a settled database: statistics, and the visibility map index-only scans need.
  await client.query('VACUUM ANALYZE')

  const { rows } = await client.query(
    `
    SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM users WHERE role = 'client')::int AS clients,
      (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM projects_status_history)::int AS "history entries",
      (SELECT count(*) FROM invoices)::int AS invoices, (SELECT count(*) FROM invoices WHERE status = 'paid')::int AS paid,
      (SELECT count(*) FROM invoices WHERE status = 'unpaid')::int AS unpaid,
      (SELECT count(*) FROM invoices WHERE status = 'unpaid' AND due_date < $1)::int AS overdue`,
    [at],
  )
  return rows[0] as Record<string, number>
}
