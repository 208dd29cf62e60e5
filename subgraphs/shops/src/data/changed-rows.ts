import type { EntityManager } from 'typeorm';

/**
 * The rows an `UPDATE … RETURNING` changed. TypeORM answers a bare UPDATE with `[rows, count]` but a
 * SELECT with rows, so the statement runs inside a CTE and is selected from.
 */
export function changedRows<T>(manager: EntityManager, update: string, parameters: unknown[]): Promise<T[]> {
  return manager.query(`WITH changed AS (${update}) SELECT * FROM changed`, parameters) as Promise<T[]>;
}
