import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "performance_metrics" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"minute" timestamp(3) with time zone NOT NULL,
  	"instance" varchar NOT NULL,
  	"requests" numeric DEFAULT 0 NOT NULL,
  	"server_errors" numeric DEFAULT 0 NOT NULL,
  	"client_errors" numeric DEFAULT 0 NOT NULL,
  	"latency_mean" numeric,
  	"latency_p50" numeric,
  	"latency_p95" numeric,
  	"latency_p99" numeric,
  	"latency_max" numeric,
  	"db_queries" numeric DEFAULT 0 NOT NULL,
  	"db_errors" numeric DEFAULT 0 NOT NULL,
  	"db_mean" numeric,
  	"db_p95" numeric,
  	"db_max" numeric,
  	"event_loop_lag_mean" numeric,
  	"event_loop_lag_p99" numeric,
  	"event_loop_lag_max" numeric,
  	"rss_bytes" numeric,
  	"heap_used_bytes" numeric,
  	"sockets" numeric DEFAULT 0 NOT NULL,
  	"jobs_completed" numeric DEFAULT 0 NOT NULL,
  	"jobs_failed" numeric DEFAULT 0 NOT NULL,
  	"routes" jsonb,
  	"jobs" jsonb
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "performance_metrics_id" integer;
  CREATE INDEX "performance_metrics_minute_idx" ON "performance_metrics" USING btree ("minute");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_performance_metrics_fk" FOREIGN KEY ("performance_metrics_id") REFERENCES "public"."performance_metrics"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_performance_metrics_id_idx" ON "payload_locked_documents_rels" USING btree ("performance_metrics_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "performance_metrics" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "performance_metrics" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_performance_metrics_fk";
  
  DROP INDEX "payload_locked_documents_rels_performance_metrics_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "performance_metrics_id";`)
}
