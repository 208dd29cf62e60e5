import pg from 'pg';
import { connectClient, listenForever, withPoolClient } from '../db/pg-client';
import { startRetention } from '../db/retention';
import type { Logger } from '../logger';
import { observeHandling } from '../observability/metrics';
import type { BusSubscription, ConsumeOptions, EventBus } from './bus';
import { reportDatabaseFailure } from './database-failure';
import type { EventEnvelope } from './envelope';

const channel = 'bus_events';

/** What a NOTIFY may carry (PostgreSQL refuses 8,000 bytes and more); a longer list goes as none, which wakes every group. */
const payloadLimit = 4_000;

type Handler = { each: (event: EventEnvelope) => Promise<void> } | { batch: (events: EventEnvelope[]) => Promise<void> };
const batchSize = 200;

/** Connections one process's PostgreSQL bus holds at most: one listener, and a pool for publishes and reads that opens them as needed. */
export const postgresBusConnections = { poolMax: 4, poolName: 'event-bus', listenerName: 'event-bus-listener' } as const;

/**
 * The default bus: an append-only table in the `bus` schema, read by consumer groups that each keep a
 * position. Publishers serialize on an advisory lock so sequence order is commit order and no reader
 * can skip an event that commits late. Consumers wake on NOTIFY (LISTEN comes back after the server
 * does) and poll every `pollMs` besides.
 */
export async function createPostgresBus(
  url: string,
  options: { logger: Logger; pollMs?: number; retentionDays?: number; retentionIntervalMs?: number },
): Promise<EventBus> {
  const { logger } = options;
  const pool = new pg.Pool({ connectionString: url, max: postgresBusConnections.poolMax, application_name: postgresBusConnections.poolName });
  pool.on('error', (error) => reportDatabaseFailure(logger, 'warn', 'idle bus connection failed', error));
  const pollMs = options.pollMs ?? 1000;
  await migrate(pool, logger);

  const wakers = new Set<(published: readonly string[] | undefined) => void>();
  const listener = await listenForever({
    connect: () => connectClient(url, postgresBusConnections.listenerName),
    channels: [channel],
    logger,
    label: 'bus listener',
    onNotify: (notification) => {
      const published = notification?.payload ? notification.payload.split(',') : undefined;
      wakers.forEach((wake) => wake(published));
    },
  });

  const subscriptions = new Set<BusSubscription>();
  // Events older than the retention are gone for good: a group that falls further behind than that skips them.
  const retention = startRetention({
    query: (sql, parameters) => pool.query(sql, parameters),
    rules: [{ table: 'bus.events', expired: 'published_at < $1', days: options.retentionDays ?? 7 }],
    intervalMs: options.retentionIntervalMs ?? 3_600_000,
    logger,
  });

  const open = async (consumeOptions: ConsumeOptions, handler: Handler): Promise<BusSubscription> => {
    const group = consumeOptions.group;
    await pool.query(
      `INSERT INTO bus.positions (consumer_group, seq)
       SELECT $1, CASE WHEN $2 THEN coalesce((SELECT max(seq) FROM bus.events), 0) ELSE 0 END
       ON CONFLICT (consumer_group) DO NOTHING`,
      [group, consumeOptions.from === 'latest'],
    );
    let closed = false;
    let wake: () => void = () => undefined;
    const types = consumeOptions.types ? [...new Set(consumeOptions.types)] : undefined;
    // A notification that arrives while a batch is being handled is for events that batch did not read: drain again at once.
    let notified = false;
    const waker = (published: readonly string[] | undefined) => {
      if (types && published && !published.some((type) => types.includes(type))) return;
      notified = true;
      wake();
    };
    wakers.add(waker);
    const statements = drainStatements(group, types);

    /** Handles the next batch in two round trips (read with the group's lock, then position and commit); true when more are waiting. */
    const drain = (): Promise<boolean> =>
      withPoolClient(pool, logger, async (client) => {
        try {
          const [, read] = (await client.query(statements.read)) as unknown as [pg.QueryResult, pg.QueryResult<DrainRow>];
          const first = read.rows[0];
          if (!first) {
            await client.query('COMMIT');
            return false;
          }
          const rows = read.rows.filter((row): row is DrainRow & { seq: string } => row.seq !== null);
          let last = first.position;
          let handled = 0;
          try {
            if ('batch' in handler) {
              if (rows.length > 0 && !closed) {
                await observeHandling(group, rows.at(-1)!.envelope!, () => handler.batch(rows.map((row) => row.envelope!)));
                last = rows.at(-1)!.seq;
                handled = rows.length;
              }
            } else {
              for (const row of rows) {
                if (closed) break;
                await observeHandling(group, row.envelope!, () => handler.each(row.envelope!));
                last = row.seq;
                handled++;
              }
            }
            // Every event of the group's types up to the head was read: the group moves past the others too.
            if (handled === rows.length && rows.length < batchSize && first.head !== null && BigInt(first.head) > BigInt(last)) last = first.head;
          } finally {
            await client.query(last === first.position ? 'COMMIT' : statements.advance(last));
          }
          return rows.length === batchSize && handled === rows.length;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });

    const loop = (async () => {
      let failures = 0;
      while (!closed) {
        try {
          notified = false;
          const more = await drain();
          failures = 0;
          if (more || notified) continue;
        } catch (error) {
          failures++;
          reportDatabaseFailure(logger, 'error', 'event handler failed; will retry', error as Error, { group });
        }
        // A failing database comes back within seconds of a restart: retry soon, and at once on a notification.
        const delay = failures > 0 ? Math.min(2_000, 100 * 2 ** failures) : pollMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => (clearTimeout(timer), resolve());
        });
      }
    })();

    const subscription: BusSubscription = {
      async close() {
        closed = true;
        wakers.delete(waker);
        wake();
        await loop;
        subscriptions.delete(subscription);
        if (consumeOptions.ephemeral) await pool.query('DELETE FROM bus.positions WHERE consumer_group = $1', [group]).catch(() => undefined);
      },
    };
    subscriptions.add(subscription);
    return subscription;
};

  return {
    kind: 'postgres',
    get consumers() {
      return subscriptions.size;
    },

    async publish(events) {
      if (events.length === 0) return;
      await withPoolClient(pool, logger, async (client) => {
        try {
          await client.query(publishStatements(events));
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
    },

    // The events live in PostgreSQL with the outboxes: nothing is lost that producers must send again.
    async acknowledgeReset() {},

    async healthy() {
      return pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
    },

    consume: (consumeOptions, handler) => open(consumeOptions, { each: handler }),
    consumeBatches: (consumeOptions, handler) => open(consumeOptions, { batch: handler }),

    async close() {
      await retention.stop();
      await Promise.all([...subscriptions].map((s) => s.close()));
      await listener.close();
      await pool.end();
    },
  };
}

/** The published types, for consumers to tell whether a notification concerns them; empty (anything) when too many to list. */
function notifyPayload(events: EventEnvelope<unknown>[]): string {
  const payload = [...new Set(events.map((event) => event.type))].join(',');
  return payload.length <= payloadLimit ? payload : '';
}

/**
 * A publish in one round trip: the lock that makes sequence order commit order, the rows, and their NOTIFY,
 * in one transaction. The events go in as a literal quoted by pg's own escaping, as a statement list takes no parameters.
 */
function publishStatements(events: EventEnvelope<unknown>[]): string {
  return `BEGIN; SELECT pg_advisory_xact_lock(hashtext('bus.publish'));
    INSERT INTO bus.events (id, type, envelope)
      SELECT (e->>'id')::uuid, e->>'type', e FROM jsonb_array_elements(${pg.escapeLiteral(JSON.stringify(events))}::jsonb) AS e
      ON CONFLICT (id) DO NOTHING;
    SELECT pg_notify(${pg.escapeLiteral(channel)}, ${pg.escapeLiteral(notifyPayload(events))}); COMMIT`;
}

type DrainRow = { position: string; head: string | null; seq: string | null; envelope: EventEnvelope | null };

/**
 * A drain's SQL, written once per group. Parameters cannot go in a statement list sent at once, so the group and
 * types are quoted by pg's own escaping and the positions are digits PostgreSQL itself returned.
 */
function drainStatements(group: string, types: readonly string[] | undefined) {
  const groupLiteral = pg.escapeLiteral(group);
  const ofTypes = !types ? '' : types.length === 0 ? 'AND false' : `AND type IN (${types.map((type) => pg.escapeLiteral(type)).join(', ')})`;
  return {
    read: `BEGIN; WITH pos AS (SELECT seq FROM bus.positions WHERE consumer_group = ${groupLiteral} FOR UPDATE)
      SELECT pos.seq AS position, (SELECT max(seq) FROM bus.events) AS head, e.seq, e.envelope
        FROM pos LEFT JOIN LATERAL (SELECT seq, envelope FROM bus.events WHERE seq > pos.seq ${ofTypes} ORDER BY seq LIMIT ${batchSize}) e ON true
       ORDER BY e.seq`,
    advance: (seq: string) => `UPDATE bus.positions SET seq = ${BigInt(seq)}, updated_at = now() WHERE consumer_group = ${groupLiteral}; COMMIT`,
  };
}

async function migrate(pool: pg.Pool, logger: Logger) {
  await withPoolClient(pool, logger, async (client) => {
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('bus.migrate'))`);
      await client.query('CREATE SCHEMA IF NOT EXISTS bus');
      await client.query(`CREATE TABLE IF NOT EXISTS bus.events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        envelope jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
      await client.query(`CREATE TABLE IF NOT EXISTS bus.positions (
        consumer_group text PRIMARY KEY,
        seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
      await client.query(`CREATE INDEX IF NOT EXISTS events_published_at ON bus.events (published_at)`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
