import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';

/**
 * Writes a row of a projection kept from another subgraph's events, keyed by its primary key: the row of
 * the newest event wins, so events that arrive out of order, or a late older one, change nothing.
 */
export async function recordNewest<T extends ObjectLiteral & { eventAt: Date }>(manager: EntityManager, entity: EntitySchema<T>, row: T, name: string): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const quote = (identifier: string) => manager.connection.driver.escape(identifier);
  const table = metadata.tablePath.split('.').map(quote).join('.');
  const columns = metadata.columns.map((column) => quote(column.databaseName));
  const keys = metadata.primaryColumns.map((column) => quote(column.databaseName));
  const updates = metadata.columns.filter((column) => !column.isPrimary).map((column) => `${quote(column.databaseName)} = EXCLUDED.${quote(column.databaseName)}`);
  const eventAt = quote(metadata.findColumnWithPropertyName('eventAt')!.databaseName);
  await manager.query(
    `/* ${name} */ INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')} WHERE ${table}.${eventAt} < EXCLUDED.${eventAt}`,
    metadata.columns.map((column) => row[column.propertyName]),
  );
}
