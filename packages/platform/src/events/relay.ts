import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { Logger } from '../logger';
import type { EventBus } from './bus';
import type { EventEnvelope } from './envelope';
import { outboxChannel } from './outbox';

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

  const publishBatch = () =>
    dataSource.transaction(async (manager) => {
      const rows: { seq: string; envelope: EventEnvelope }[] = await manager.query(
        `SELECT seq, envelope FROM "${schema}".outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      await bus.publish(rows.map((row) => row.envelope));
      await manager.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      return rows.length;
    });

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
        logger.error('outbox relay failed; will retry', { schema, error });
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const driver = dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } };
  const listener = await driver.master.connect();
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
