import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connectClient, listenForever, withPoolClient } from '../db/pg-client';
import type { Logger } from '../logger';
import { BusResetError, type EventBus } from './bus';
import type { EventEnvelope } from './envelope';
import { outboxChannel } from './outbox';
import { reportDatabaseFailure } from './database-failure';

export interface OutboxRelay {
  /** Publishes whatever is pending now, resolving when the outbox is empty. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** The primary's connection string of a DataSource, with or without replicas. */
function primaryUrl(dataSource: DataSource): string {
  const options = dataSource.options as { url?: string; replication?: { master: { url?: string } } };
  const url = options.replication?.master.url ?? options.url;
  if (!url) throw new Error('The outbox relay needs the DataSource to be opened from a URL.');
  return url;
}

/**
 * Moves committed outbox rows to the bus. A row is marked published in the same transaction that
 * locked it, after the bus accepted it: a crash in between republishes it, which consumers absorb.
 * The relay and its LISTEN run on connections of their own, outside the service's pool: a batch holds
 * its connection for as long as the bus takes to accept it (publishers of every service queue on the
 * bus's lock), and requests must not wait behind that.
 * When the bus says it may have lost what was published (a Redis that restarted empty), the rows
 * published in the last `replayWindowSeconds` are published again, in their order.
 */
export async function startOutboxRelay(options: {
  dataSource: DataSource;
  schema: string;
  bus: EventBus;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
  replayWindowSeconds?: number;
}): Promise<OutboxRelay> {
  const { dataSource, schema, bus, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const replayWindowSeconds = options.replayWindowSeconds ?? 3_600;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const url = primaryUrl(dataSource);
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: `${schema}-outbox-relay` });
  pool.on('error', (error) => reportDatabaseFailure(logger, 'warn', 'idle outbox relay connection failed', error, { schema }));

  // Sent as statement lists (one round trip each), so the batch size and the positions go in as numbers, not parameters.
  const claim = `BEGIN; SELECT seq, envelope FROM "${schema}".outbox WHERE published_at IS NULL ORDER BY seq LIMIT ${Math.trunc(batchSize)} FOR UPDATE SKIP LOCKED`;
  const markPublished = (seqs: string[]) => `UPDATE "${schema}".outbox SET published_at = now() WHERE seq IN (${seqs.map((seq) => BigInt(seq)).join(', ')}); COMMIT`;

  /** One batch on the relay's own connection: relay traffic stays out of the DataSource's pool and query log. */
  const publishBatch = (): Promise<number> =>
    withPoolClient(pool, logger, async (client) => {
      try {
        const [, { rows }] = (await client.query(claim)) as unknown as [pg.QueryResult, pg.QueryResult<{ seq: string; envelope: EventEnvelope }>];
        if (rows.length === 0) {
          await client.query('COMMIT');
          return 0;
        }
        await bus.publish(
          rows.map((row) => row.envelope),
          { source: schema },
        );
        await client.query(markPublished(rows.map((row) => row.seq)));
        return rows.length;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });

  /** Marks the replay window unpublished, so the next batches send it again, then tells the bus it is taken care of. */
  const replay = async () => {
    const [{ count }] = await dataSource.query(
      `/* outbox.replay */ WITH replayed AS (
         UPDATE "${schema}".outbox SET published_at = NULL WHERE published_at > now() - make_interval(secs => $1) RETURNING 1
       ) SELECT count(*)::int AS count FROM replayed`,
      [replayWindowSeconds],
    );
    await bus.acknowledgeReset(schema);
    const fields = { schema, events: count, windowSeconds: replayWindowSeconds };
    // A reset with nothing published in the window lost nothing: not worth waking anyone.
    if (count > 0) logger.warn('the event bus lost recent events; publishing them again', fields);
    else logger.info('the event bus was reset; nothing recent to publish again', fields);
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          for (;;) {
            if (stopped) break;
            const published = await publishBatch().catch(async (error: unknown) => {
              if (!(error instanceof BusResetError)) throw error;
              await replay();
              return batchSize;
            });
            if (published < batchSize) break;
          }
        } while (again && !stopped);
      } catch (error) {
        reportDatabaseFailure(logger, 'error', 'outbox relay failed; will retry', error as Error, { schema });
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const listener = await listenForever({
    connect: () => connectClient(url, `${schema}-outbox-listener`),
    channels: [outboxChannel(schema)],
    logger,
    label: `outbox listener (${schema})`,
    onNotify: () => void run(),
  });
  const timer = setInterval(() => void run(), options.pollMs ?? 1000);
  await run();

  return {
    async flush() {
      await run();
      if (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listener.close();
      if (running) await running;
      await pool.end();
    },
  };
}
