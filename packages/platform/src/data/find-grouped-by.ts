import { In, type EntityManager, type EntitySchema, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { groupedInKeyOrder } from '../db/batch';

/**
 * The rows of `entity` whose `key` column is one of `keys`, as one list per key in the order of `keys`
 * (empty where none), each list in `order`: the batch read behind every one-to-many loader. `where`
 * narrows the rows further; `name` names the statement.
 */
export async function findGroupedBy<T extends ObjectLiteral, K extends keyof T & string>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  key: K,
  keys: readonly string[],
  options: { name: string; order?: FindOptionsOrder<T>; where?: FindOptionsWhere<T> },
): Promise<T[][]> {
  const where = { ...options.where, [key]: In([...keys]) } as FindOptionsWhere<T>;
  const rows = await manager.find(entity, { where, order: options.order, comment: options.name });
  return groupedInKeyOrder(keys, rows, (row) => row[key] as string);
}
