import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "invoices_paid_revenue_idx" ON "invoices" USING btree ("paid_at","amount","project_id") WHERE status = 'paid';
  CREATE INDEX "invoices_paid_project_idx" ON "invoices" USING btree ("project_id") WHERE status = 'paid';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "invoices_paid_revenue_idx";
  DROP INDEX "invoices_paid_project_idx";`)
}
