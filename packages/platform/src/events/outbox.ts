import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { CatalogEvent } from './catalog';

export const outboxChannel = (schema: string) => `${schema}_outbox`;

/**
 * Writes the event in the caller's transaction. The NOTIFY is transactional too: the relay wakes
 * only once the state change and its event are both committed. Rows and NOTIFY go in one statement,
 * one round trip.
 */
export async function enqueueEvents(manager: EntityManager, schema: string, events: CatalogEvent[]): Promise<void> {
  if (events.length === 0) return;
  await writeWithEvents(manager, schema, events, null);
}

/**
 * A write of state (`sql` with its own `$1…$n` parameters, run as a data-modifying CTE) and the events
 * that describe it, with their NOTIFY, in one statement: what `enqueueEvents` after the write does, in
 * one round trip instead of two.
 */
export async function writeWithEvents(manager: EntityManager, schema: string, events: CatalogEvent[], write: { sql: string; params: unknown[] } | null): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('Events must be enqueued inside the transaction that writes the state they describe.');
  }
  const params = write?.params ?? [];
  const [eventsParam, channelParam] = [params.length + 1, params.length + 2];
  await manager.query(
    `WITH ${write ? `state AS (${write.sql}), ` : ''}inserted AS (
       INSERT INTO "${schema}".outbox (id, type, envelope, occurred_at)
       SELECT (e->>'id')::uuid, e->>'type', e, (e->>'occurredAt')::timestamptz FROM jsonb_array_elements($${eventsParam}::jsonb) AS e
     )
     SELECT pg_notify($${channelParam}, '')`,
    [...params, JSON.stringify(events), outboxChannel(schema)],
  );
}

/** The outbox and processed-event tables; every subgraph's first migration calls this. */
export async function createEventTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE "${schema}".outbox (
    seq bigserial PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    type text NOT NULL,
    envelope jsonb NOT NULL,
    occurred_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
  )`);
  await runner.query(`CREATE INDEX outbox_unpublished ON "${schema}".outbox (seq) WHERE published_at IS NULL`);
  await runner.query(`CREATE TABLE "${schema}".processed_events (
    consumer text NOT NULL,
    event_id uuid NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
  )`);
}

export async function dropEventTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".processed_events`);
  await runner.query(`DROP TABLE "${schema}".outbox`);
}

/** A ready-made migration class for services whose only tables so far are the event tables. */
export function eventTablesMigration(schema: string, timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = `EventTables${timestamp}`;
    async up(runner: QueryRunner) {
      await createEventTables(runner, schema);
    }
    async down(runner: QueryRunner) {
      await dropEventTables(runner, schema);
    }
  };
}
