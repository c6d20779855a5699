import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendEmail';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendProjectStatusEmail';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendInvoiceReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendWeeklyBiReport';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendMonthlyBiReport';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expirePaymentAttempts';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pruneNotifications';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendEmail';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendProjectStatusEmail';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendInvoiceReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendWeeklyBiReport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendMonthlyBiReport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expirePaymentAttempts';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pruneNotifications';
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "invoices" ADD COLUMN "reminders_sent" jsonb;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendPaymentReceipt', 'publishAnnouncement');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendPaymentReceipt', 'publishAnnouncement');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "invoices" DROP COLUMN "reminders_sent";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";`)
}
