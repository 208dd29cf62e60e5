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

/**
 * The batch form of processOnce: records, in the caller's transaction, which of `events` this consumer
 * has not applied before and returns those (each id once, in order). The caller applies exactly these
 * in the same transaction, so a crash before it commits leaves all of them to be applied again.
 * `advisoryLocks` are taken (in the order given) by the same statement, so a consumer that serializes
 * on them pays no extra round trip; they are held until the transaction ends.
 */
export async function claimUnprocessed<E extends EventEnvelope<unknown>>(
  manager: EntityManager,
  schema: string,
  consumer: string,
  events: readonly E[],
  advisoryLocks: readonly string[] = [],
): Promise<E[]> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('Events must be claimed inside the transaction that applies them.');
  const rows: { event_id: string }[] = await manager.query(
    `WITH locked AS (SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n FROM unnest($3::text[]) AS k)
     INSERT INTO "${schema}".processed_events (consumer, event_id) SELECT $1, id FROM locked, unnest($2::uuid[]) AS id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, [...new Set(events.map((event) => event.id))], advisoryLocks],
  );
  const fresh = new Set(rows.map((row) => row.event_id));
  return events.filter((event) => fresh.delete(event.id));
}
