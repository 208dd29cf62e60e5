import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { Logger } from '../logger';
import type { EventBus } from './bus';
import type { EventEnvelope } from './envelope';
import { outboxChannel } from './outbox';
import { reportDatabaseFailure } from './database-failure';

export interface OutboxRelay {
  /** Publishes whatever is pending now, resolving when the outbox is empty. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Moves committed outbox rows to the bus. A row is marked published in the same transaction that
 * locked it, after the bus accepted it: a crash in between republishes it, which consumers absorb.
 */
export async function startOutboxRelay(options: {
  dataSource: DataSource;
  schema: string;
  bus: EventBus;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
}): Promise<OutboxRelay> {
  const { dataSource, schema, bus, logger } = options;
  const batchSize = options.batchSize ?? 100;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const driver = dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } };

  /** One batch on a raw pool connection: relay traffic stays out of the DataSource's query log. */
  const publishBatch = async (): Promise<number> => {
    const client = await driver.master.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ seq: string; envelope: EventEnvelope }>(
        `SELECT seq, envelope FROM "${schema}".outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length > 0) {
        await bus.publish(rows.map((row) => row.envelope));
        await client.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
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
          while (!stopped && (await publishBatch()) === batchSize);
        } while (again && !stopped);
      } catch (error) {
        reportDatabaseFailure(logger, 'error', 'outbox relay failed; will retry', error as Error, { schema });
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const listener = await driver.master.connect();
  listener.on('error', (error) => reportDatabaseFailure(logger, 'warn', 'outbox listener connection failed; polling continues', error, { schema }));
  await listener.query(`LISTEN "${outboxChannel(schema)}"`);
  listener.on('notification', () => void run());
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
      listener.removeAllListeners('notification');
      await listener.query(`UNLISTEN "${outboxChannel(schema)}"`).catch(() => undefined);
      listener.release();
      if (running) await running;
    },
  };
}
