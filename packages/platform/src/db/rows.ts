import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';

/** The SQL pieces to read a flat entity's rows straight into its shape. */
export interface EntitySql {
  /** The schema-qualified, quoted table, e.g. `"shops"."customer"`. */
  table: string;
  /** Every column as `"<alias>"."<column>" AS "<property>"`, for a SELECT list. */
  columns(alias: string): string;
}

const cache = new WeakMap<object, Map<EntitySchema<ObjectLiteral>, EntitySql>>();

/**
 * For the hottest reads (entity lookups by id, list pages): SQL that selects columns under their property
 * names, so `manager.query` returns rows already shaped like the entity, with values as the pg driver
 * parses them. It skips the query builder and TypeORM's hydration, which cost more CPU than the query
 * itself on pages of a hundred rows (docs/performance.md). Only for entities without relations or
 * embedded columns; writes keep going through the entity manager.
 */
export function entitySql<T extends ObjectLiteral>(manager: EntityManager, entity: EntitySchema<T>): EntitySql {
  const dataSource = manager.connection;
  let forSource = cache.get(dataSource);
  if (!forSource) cache.set(dataSource, (forSource = new Map()));
  let sql = forSource.get(entity as EntitySchema<ObjectLiteral>);
  if (!sql) {
    const metadata = dataSource.getMetadata(entity);
    if (metadata.relations.length > 0 || metadata.embeddeds.length > 0) throw new Error(`${metadata.name} is not flat: read it through the entity manager`);
    const quote = (name: string) => dataSource.driver.escape(name);
    const table = metadata.tablePath.split('.').map(quote).join('.');
    const pairs = metadata.columns.map((column) => [quote(column.databaseName), quote(column.propertyName)] as const);
    sql = { table, columns: (alias) => pairs.map(([column, property]) => `${quote(alias)}.${column} AS ${property}`).join(', ') };
    forSource.set(entity as EntitySchema<ObjectLiteral>, sql);
  }
  return sql;
}

/** Rows of a query written with `entitySql`, typed as the entity. */
export function queryRows<T>(manager: EntityManager, query: string, parameters: unknown[]): Promise<T[]> {
  return manager.query(query, parameters) as Promise<T[]>;
}
