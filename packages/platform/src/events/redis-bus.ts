import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { BusSubscription, ConsumeOptions, EventBus } from './bus';
import type { EventEnvelope } from './envelope';

const maxLength = 1_000_000;
const claimIdleMs = 30_000;

/** The bus on Redis Streams: one stream, a consumer group per consumer, acknowledged after handling. */
export async function createRedisBus(url: string, options: { logger: Logger; namespace: string }): Promise<EventBus> {
  const stream = `${options.namespace}:events`;
  const redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: true });
  await redis.connect();
  const subscriptions = new Set<BusSubscription>();

  return {
    kind: 'redis',
    get consumers() {
      return subscriptions.size;
    },
    async publish(events) {
      if (events.length === 0) return;
      const pipeline = redis.pipeline();
      for (const event of events) pipeline.xadd(stream, 'MAXLEN', '~', maxLength, '*', 'e', JSON.stringify(event));
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    },

    async consume(consumeOptions: ConsumeOptions, handler) {
      const group = consumeOptions.group;
      const consumer = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
      await redis.xgroup('CREATE', stream, group, consumeOptions.from === 'latest' ? '$' : '0', 'MKSTREAM').catch((error: Error) => {
        if (!String(error.message).includes('BUSYGROUP')) throw error;
      });
      const reader = redis.duplicate();
      let closed = false;

      const handle = async (entries: [string, string[]][]) => {
        for (const [id, fields] of entries) {
          if (closed) return;
          const payload = fields[fields.indexOf('e') + 1];
          if (payload) await handler(JSON.parse(payload) as EventEnvelope);
          await redis.xack(stream, group, id);
        }
      };

      const loop = (async () => {
        let failures = 0;
        let cursor = '0';
        let lastClaim = 0;
        while (!closed) {
          try {
            if (Date.now() - lastClaim > claimIdleMs) {
              lastClaim = Date.now();
              const claimed = (await redis.xautoclaim(stream, group, consumer, claimIdleMs, '0-0', 'COUNT', 100)) as [string, [string, string[]][]];
              await handle(claimed[1] ?? []);
            }
            const result = (await reader.xreadgroup('GROUP', group, consumer, 'COUNT', 100, 'BLOCK', 1000, 'STREAMS', stream, cursor)) as
              | [string, [string, string[]][]][]
              | null;
            const entries = result?.[0]?.[1] ?? [];
            await handle(entries);
            if (cursor === '0' && entries.length === 0) cursor = '>';
            failures = 0;
          } catch (error) {
            if (closed) break;
            failures++;
            cursor = '0';
            options.logger.error('event handler failed; will retry', { group, error });
            await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 200 * 2 ** failures)));
          }
        }
      })();

      const subscription: BusSubscription = {
        async close() {
          closed = true;
          reader.disconnect();
          await loop;
          subscriptions.delete(subscription);
          if (consumeOptions.ephemeral) await redis.xgroup('DESTROY', stream, group).catch(() => undefined);
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
      redis.disconnect();
    },
  };
}
