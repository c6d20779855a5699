import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Per-day BI rollups (bi/biRollups.ts reads them): revenue, revenue per pricing tier and
 * status stays per Jakarta day, so a report over a year sums ~365 small rows instead of
 * aggregating every invoice and history entry of the year (bench/bi.ts).
 *
 * Written by hand (not from the collections' schema): the tables are PostgreSQL's own
 * bookkeeping, never Payload documents, so no REST or GraphQL route reaches them.
 *
 * Freshness: a day's rollup row exists only while it is right. Statement triggers on every
 * table a figure depends on delete the rows of the days a write touches; bi_fill_days()
 * computes missing days when a report asks for them. The race between the two (a report
 * computing a day from a snapshot that misses a write about to commit) is closed by an
 * advisory lock per month: writers take it shared, so they never wait for each other; the
 * filler only tries it exclusively, and computes a month only when no writer touching it is
 * in flight. A month it could not lock is reported as incomplete, and the report is then
 * computed from the tables directly (bi/biReports.ts). The filler never waits, so it can
 * never deadlock with a writer.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "bi_days" (
    "day" date PRIMARY KEY,
    "revenue" numeric NOT NULL,
    "paid_invoices" integer NOT NULL
  );
  CREATE TABLE "bi_day_tiers" (
    "day" date NOT NULL REFERENCES "bi_days" ("day") ON DELETE CASCADE,
    "tier_id" integer NOT NULL,
    "revenue" numeric NOT NULL,
    "invoices" integer NOT NULL,
    PRIMARY KEY ("day", "tier_id")
  );
  CREATE TABLE "bi_day_stays" (
    "day" date NOT NULL REFERENCES "bi_days" ("day") ON DELETE CASCADE,
    "status" varchar NOT NULL,
    "stays" integer NOT NULL,
    "ongoing" integer NOT NULL,
    -- Stays that ended: their lengths summed. Stays still open: their start instants summed,
    -- so a reader adds ongoing × now − this for their length so far.
    "closed_seconds" numeric NOT NULL,
    "ongoing_started" numeric NOT NULL,
    PRIMARY KEY ("day", "status")
  );
  -- A day's history entries by time, for computing its stays.
  CREATE INDEX "projects_status_history_at_idx" ON "projects_status_history" USING btree ("at");

  -- Business days are Jakarta's (bi/biParams.ts BI_TIME_ZONE; a test holds the two equal).
  CREATE FUNCTION bi_time_zone() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'Asia/Jakarta' $$;
  CREATE FUNCTION bi_day(instant timestamptz) RETURNS date LANGUAGE sql STABLE AS $$ SELECT (instant AT TIME ZONE bi_time_zone())::date $$;
  CREATE FUNCTION bi_day_start(day date) RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT day::timestamp AT TIME ZONE bi_time_zone() $$;
  -- The advisory lock of a day's month: (class, year * 12 + month).
  CREATE FUNCTION bi_lock_class() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 74110 $$;
  CREATE FUNCTION bi_month_key(day date) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT extract(year FROM day)::integer * 12 + extract(month FROM day)::integer - 1 $$;

  -- A writer's side: forget the days it touched (their figures are computed again when read).
  CREATE FUNCTION bi_forget_days(days date[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    month_key integer;
  BEGIN
    IF days IS NULL OR cardinality(days) = 0 THEN RETURN; END IF;
    FOR month_key IN SELECT DISTINCT bi_month_key(d) FROM unnest(days) AS d WHERE d IS NOT NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(bi_lock_class(), month_key);
    END LOOP;
    DELETE FROM bi_days WHERE day = ANY (days);
  END $$;

  CREATE FUNCTION bi_forget_everything() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM bi_days;
    RETURN NULL;
  END $$;

  -- Paid invoices: revenue and revenue per tier of their payment day.
  CREATE FUNCTION bi_invoices_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM bi_forget_days(ARRAY(SELECT DISTINCT bi_day(paid_at) FROM new_rows WHERE status = 'paid' AND paid_at IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM bi_forget_days(ARRAY(SELECT DISTINCT bi_day(paid_at) FROM old_rows WHERE status = 'paid' AND paid_at IS NOT NULL));
    ELSE
      PERFORM bi_forget_days(ARRAY(
        SELECT bi_day(changed.paid_at) FROM (
          SELECT o.status, o.paid_at FROM old_rows o JOIN new_rows n USING (id)
            WHERE (o.status, o.paid_at, o.amount, o.project_id) IS DISTINCT FROM (n.status, n.paid_at, n.amount, n.project_id)
          UNION ALL
          SELECT n.status, n.paid_at FROM old_rows o JOIN new_rows n USING (id)
            WHERE (o.status, o.paid_at, o.amount, o.project_id) IS DISTINCT FROM (n.status, n.paid_at, n.amount, n.project_id)
        ) AS changed
        WHERE changed.status = 'paid' AND changed.paid_at IS NOT NULL
        GROUP BY 1));
    END IF;
    RETURN NULL;
  END $$;

  -- A project's pricing tier: the tier its paid invoices count for.
  CREATE FUNCTION bi_projects_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM bi_forget_days(ARRAY(
      SELECT DISTINCT bi_day(i.paid_at)
      FROM old_rows o JOIN new_rows n USING (id) JOIN invoices i ON i.project_id = n.id
      WHERE o.pricing_tier_id IS DISTINCT FROM n.pricing_tier_id AND i.status = 'paid' AND i.paid_at IS NOT NULL));
    RETURN NULL;
  END $$;

  -- Status history: a stay lasts until the project's next entry, so a change to one entry
  -- can change the stay of the entry before it. Forget every day one of the projects' stays began.
  CREATE FUNCTION bi_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    parents integer[];
    days date[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT _parent_id), array_agg(DISTINCT bi_day(at)) INTO parents, days FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT _parent_id), array_agg(DISTINCT bi_day(at)) INTO parents, days FROM old_rows;
    ELSE
      SELECT array_agg(DISTINCT r._parent_id), array_agg(DISTINCT bi_day(r.at)) INTO parents, days
      FROM (SELECT _parent_id, at FROM old_rows UNION ALL SELECT _parent_id, at FROM new_rows) AS r;
    END IF;
    PERFORM bi_forget_days(days || ARRAY(SELECT DISTINCT bi_day(h.at) FROM projects_status_history h WHERE h._parent_id = ANY (parents)));
    RETURN NULL;
  END $$;

  CREATE TRIGGER bi_invoices_inserted AFTER INSERT ON invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_invoices_changed();
  CREATE TRIGGER bi_invoices_updated AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_invoices_changed();
  CREATE TRIGGER bi_invoices_deleted AFTER DELETE ON invoices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_invoices_changed();
  CREATE TRIGGER bi_invoices_truncated AFTER TRUNCATE ON invoices FOR EACH STATEMENT EXECUTE FUNCTION bi_forget_everything();
  CREATE TRIGGER bi_projects_updated AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_projects_changed();
  CREATE TRIGGER bi_projects_truncated AFTER TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION bi_forget_everything();
  CREATE TRIGGER bi_history_inserted AFTER INSERT ON projects_status_history REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_history_changed();
  CREATE TRIGGER bi_history_updated AFTER UPDATE ON projects_status_history REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_history_changed();
  CREATE TRIGGER bi_history_deleted AFTER DELETE ON projects_status_history REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bi_history_changed();
  CREATE TRIGGER bi_history_truncated AFTER TRUNCATE ON projects_status_history FOR EACH STATEMENT EXECUTE FUNCTION bi_forget_everything();

  -- A reader's side: computes the missing days of [from_day, to_day) in the months no writer
  -- holds, and says whether every day of the range is now there. Each statement of a
  -- volatile function takes a fresh snapshot, so the days are computed after the locks.
  CREATE FUNCTION bi_fill_days(from_day date, to_day date) RETURNS boolean LANGUAGE plpgsql AS $$
  DECLARE
    month_key integer;
    locked integer[] := '{}';
    complete boolean := true;
    filled date[];
  BEGIN
    FOR month_key IN
      SELECT DISTINCT bi_month_key(d::date) FROM generate_series(from_day, to_day - 1, interval '1 day') AS d
      WHERE NOT EXISTS (SELECT 1 FROM bi_days b WHERE b.day = d::date) ORDER BY 1
    LOOP
      IF pg_try_advisory_xact_lock(bi_lock_class(), month_key) THEN locked := locked || month_key;
      ELSE complete := false;
      END IF;
    END LOOP;
    IF cardinality(locked) = 0 THEN RETURN complete; END IF;

    WITH inserted AS (
      INSERT INTO bi_days (day, revenue, paid_invoices)
      SELECT d.day, coalesce(sum(i.amount), 0), count(i.amount)::integer
      FROM (SELECT g::date AS day FROM generate_series(from_day, to_day - 1, interval '1 day') AS g) AS d
      LEFT JOIN invoices i ON i.status = 'paid' AND i.paid_at >= bi_day_start(d.day) AND i.paid_at < bi_day_start(d.day + 1)
      WHERE bi_month_key(d.day) = ANY (locked) AND NOT EXISTS (SELECT 1 FROM bi_days b WHERE b.day = d.day)
      GROUP BY d.day
      ON CONFLICT (day) DO NOTHING
      RETURNING day
    )
    SELECT array_agg(day) INTO filled FROM inserted;
    IF filled IS NULL THEN RETURN complete; END IF;

    INSERT INTO bi_day_tiers (day, tier_id, revenue, invoices)
    SELECT d.day, p.pricing_tier_id, sum(i.amount), count(*)::integer
    FROM unnest(filled) AS d (day)
    JOIN invoices i ON i.status = 'paid' AND i.paid_at >= bi_day_start(d.day) AND i.paid_at < bi_day_start(d.day + 1)
    JOIN projects p ON p.id = i.project_id
    WHERE p.pricing_tier_id IS NOT NULL
    GROUP BY d.day, p.pricing_tier_id;

    INSERT INTO bi_day_stays (day, status, stays, ongoing, closed_seconds, ongoing_started)
    SELECT d.day, h."to", count(*)::integer, count(*) FILTER (WHERE next_entry.at IS NULL)::integer,
      coalesce(sum(extract(epoch FROM next_entry.at - h.at)) FILTER (WHERE next_entry.at IS NOT NULL), 0),
      coalesce(sum(extract(epoch FROM h.at)) FILTER (WHERE next_entry.at IS NULL), 0)
    FROM unnest(filled) AS d (day)
    JOIN projects_status_history h ON h.at >= bi_day_start(d.day) AND h.at < bi_day_start(d.day + 1)
    LEFT JOIN LATERAL (
      SELECT n.at FROM projects_status_history n WHERE n._parent_id = h._parent_id AND n._order > h._order ORDER BY n._order LIMIT 1
    ) AS next_entry ON true
    GROUP BY d.day, h."to";

    RETURN complete;
  END $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER bi_invoices_inserted ON invoices;
  DROP TRIGGER bi_invoices_updated ON invoices;
  DROP TRIGGER bi_invoices_deleted ON invoices;
  DROP TRIGGER bi_invoices_truncated ON invoices;
  DROP TRIGGER bi_projects_updated ON projects;
  DROP TRIGGER bi_projects_truncated ON projects;
  DROP TRIGGER bi_history_inserted ON projects_status_history;
  DROP TRIGGER bi_history_updated ON projects_status_history;
  DROP TRIGGER bi_history_deleted ON projects_status_history;
  DROP TRIGGER bi_history_truncated ON projects_status_history;
  DROP FUNCTION bi_fill_days(date, date);
  DROP FUNCTION bi_history_changed();
  DROP FUNCTION bi_projects_changed();
  DROP FUNCTION bi_invoices_changed();
  DROP FUNCTION bi_forget_everything();
  DROP FUNCTION bi_forget_days(date[]);
  DROP FUNCTION bi_month_key(date);
  DROP FUNCTION bi_lock_class();
  DROP FUNCTION bi_day_start(date);
  DROP FUNCTION bi_day(timestamptz);
  DROP FUNCTION bi_time_zone();
  DROP INDEX "projects_status_history_at_idx";
  DROP TABLE "bi_day_stays";
  DROP TABLE "bi_day_tiers";
  DROP TABLE "bi_days";`)
}
