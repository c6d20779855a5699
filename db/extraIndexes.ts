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
 */
export const addExtraIndexes: SchemaHook = ({ schema, extendTable }) => {
  extendTable({
    table: schema.tables.projects_status_history!,
    extraConfig: (table) => ({
      parentOrder: index('projects_status_history_parent_order_idx').on(table._parentID, table._order),
    }),
  })
  return schema
}
