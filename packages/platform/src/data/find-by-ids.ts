import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { inKeyOrder } from '../db/batch';
import { entitySql, queryRows } from '../db/rows';
import { isUuid } from '../validation';

/**
 * The rows of `entity` whose `key` (the primary key by default) is one of `ids`, in the order of `ids`,
 * with null for misses: the batch read behind every entity loader. Ids that cannot be keys of a uuid
 * column are misses without a query, never a database error. The statement is named after the table.
 */
export async function findByIds<T extends ObjectLiteral, K extends keyof T & string = 'id' & keyof T & string>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  ids: readonly string[],
  key: K = 'id' as K,
): Promise<(T | null)[]> {
  const metadata = manager.connection.getMetadata(entity);
  const column = metadata.findColumnWithPropertyName(key);
  if (!column) throw new Error(`${metadata.name} has no column ${key}`);
  const wanted = [...new Set(column.type === 'uuid' ? ids.filter(isUuid) : ids)];
  if (wanted.length === 0) return ids.map(() => null);
  const sql = entitySql(manager, entity);
  const rows = await queryRows<T>(
    manager,
    `/* ${metadata.tableName}.findByIds */ SELECT ${sql.columns('e')} FROM ${sql.table} e WHERE e.${manager.connection.driver.escape(column.databaseName)} = ANY($1)`,
    [wanted],
  );
  return inKeyOrder(ids, rows, (row) => row[key] as string);
}
