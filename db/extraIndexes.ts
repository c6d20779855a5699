import { sql } from '@payloadcms/db-postgres/drizzle'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * Indexes Payload's schema does not declare, added to its drizzle schema so that
 * `migrate:create` puts them in a migration like any other.
 *
 * projects_status_history (parent, order): a system move appends after a project's last
 * history entry (`max(_order)` for one parent). With only the separate `_order` and
 * `_parent_id` indexes, PostgreSQL walked the whole `_order` index backwards filtering by
 * parent, so every paid invoice cost time in proportion to all projects' history.
 *
 * Paid invoices, for the BI reports (bench/bi.ts): (paid_at, amount, project_id) lets revenue
 * per period and revenue per pricing tier read only the index (an index-only range scan per
 * period instead of every invoice bucketed in Jakarta time); (project_id) answers "has this
 * client paid anything" for conversion without visiting the table. Both partial: only paid
 * invoices are read, and only they carry the cost.
 */
export const addExtraIndexes: SchemaHook = ({ schema, extendTable }) => {
  extendTable({
    table: schema.tables.projects_status_history!,
    extraConfig: (table) => ({
      parentOrder: index('projects_status_history_parent_order_idx').on(table._parentID, table._order),
    }),
  })
  extendTable({
    table: schema.tables.invoices!,
    extraConfig: (table) => ({
      paidRevenue: index('invoices_paid_revenue_idx').on(table.paidAt, table.amount, table.project).where(sql`status = 'paid'`),
      paidProject: index('invoices_paid_project_idx').on(table.project).where(sql`status = 'paid'`),
    }),
  })
  return schema
}
