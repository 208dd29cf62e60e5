import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from './envelope';

/**
 * Runs `apply` for an event at most once per consumer: the event id is recorded in the same
 * transaction as the effects, so a redelivery finds it and changes nothing.
 */
export async function processOnce(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  event: EventEnvelope<unknown>,
  apply: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${schema}".processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, event.id],
    );
    if (inserted.length === 0) return false;
    await apply(manager);
    return true;
  });
}
