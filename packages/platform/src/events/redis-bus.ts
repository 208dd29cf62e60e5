import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeRedis, connectRedis } from '../cache/redis-client';
import type { Logger } from '../logger';
import { observeHandling } from '../observability/metrics';
import { BusResetError, type BusSubscription, type ConsumeOptions, type EventBus } from './bus';
import type { EventEnvelope } from './envelope';

const maxLength = 1_000_000;
const batchSize = 100;
const blockMs = 1_000;

export interface RedisBusOptions {
  logger: Logger;
  namespace: string;
  /** Every Redis command but the blocking read fails after this long. */
  commandTimeoutMs?: number;
  /** A group's reader holds a lease this long, renewed while it lives: a dead reader's work moves on after it. */
  claimAfterMs?: number;
  /** How often leftovers of dead processes are looked for. */
  sweepEveryMs?: number;
}

/** Appends only while the producer's marker exists: a Redis that restarted empty lost what it held, and the producer must send it again. */
const publishScript = `
if ARGV[2] ~= '' and redis.call('EXISTS', KEYS[2]) == 0 then return redis.error_reply('BUSRESET') end
for i = 3, #ARGV do redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i]) end
return #ARGV - 2`;
/** 1: renewed; 0: another reader holds the lease; -1: it lapsed and nobody holds it. */
const renewScript = `local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) elseif holder then return 0 else return -1 end`;
const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const isNoGroup = (error: unknown) => error instanceof Error && error.message.includes('NOGROUP');

type StreamEntry = { id: string; message: Record<string, string> };
type Handler = { each: (event: EventEnvelope) => Promise<void> } | { batch: (events: EventEnvelope[]) => Promise<void> };

/**
 * The bus on Redis Streams: one stream, a consumer group per consumer, acknowledged after handling.
 *
 * In publish order per group, after crashes too: one reader per group at a time holds the group's lease
 * (others wait), and a new holder first takes over every entry the group left pending, oldest first,
 * before reading new ones. A dead reader's lease runs out after `claimAfterMs`. A Redis that restarted
 * without its data is recovered from: a missing group is created again (NOGROUP), and producers are told
 * (`BusResetError`) to publish again what Redis may have lost. Groups of processes that died
 * (ephemeral fan-out groups without a lease) and idle consumers without pending entries are removed.
 */
export async function createRedisBus(url: string, options: RedisBusOptions): Promise<EventBus> {
  const { logger, namespace } = options;
  const stream = `${namespace}:events`;
  const ephemeralGroups = `${namespace}:bus:ephemeral-groups`;
  const leaseKey = (group: string) => `${namespace}:bus:lease:${group}`;
  const producerKey = (source: string) => `${namespace}:bus:producer:${source}`;
  const claimAfterMs = options.claimAfterMs ?? 5_000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
  const redis = await connectRedis({ url, logger, name: `event-bus:${namespace}`, commandTimeoutMs });
  const subscriptions = new Set<BusSubscription>();
  const self = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  const createGroup = async (group: string, from: '0' | '$', ephemeral: boolean) => {
    if (ephemeral) await redis.sAdd(ephemeralGroups, group);
    await redis.xGroupCreate(stream, group, from, { MKSTREAM: true }).catch((error: Error) => {
      if (!error.message.includes('BUSYGROUP')) throw error;
    });
  };

  /** Removes what dead processes left behind: fan-out groups nobody holds, and consumers with nothing pending. */
  const sweep = async () => {
    for (const group of await redis.sMembers(ephemeralGroups)) {
      if (await redis.exists(leaseKey(group))) continue;
      await redis.xGroupDestroy(stream, group).catch(() => undefined);
      await redis.sRem(ephemeralGroups, group);
      logger.info('removed an orphaned consumer group', { group });
    }
    const groups = (await redis.xInfoGroups(stream).catch(() => [])) as { name: string }[];
    for (const { name } of groups) {
      const consumers = (await redis.xInfoConsumers(stream, name).catch(() => [])) as { name: string; pending: number; idle: number }[];
      for (const consumer of consumers) {
        if (consumer.pending === 0 && consumer.idle > 10 * claimAfterMs) await redis.xGroupDelConsumer(stream, name, consumer.name).catch(() => undefined);
      }
    }
  };
  const sweeper = setInterval(() => void sweep().catch((error: Error) => logger.debug('bus sweep failed', { error: error.message })), options.sweepEveryMs ?? 30_000);
  sweeper.unref();

  const open = async (consumeOptions: ConsumeOptions, handler: Handler): Promise<BusSubscription> => {
    const group = consumeOptions.group;
    const ephemeral = consumeOptions.ephemeral === true;
    const from = consumeOptions.from === 'latest' ? '$' : '0';
    const consumer = `${self}-${randomUUID().slice(0, 8)}`;
    await createGroup(group, from, ephemeral);
    // Blocking reads wait on a connection of their own, so they never hold up other commands.
    const reader = await connectRedis({ url, logger, name: `event-bus-reader:${namespace}:${group}` });
    let closed = false;
    let leading = false;
    let cursor = '0';

    const acquire = async () => {
      const taken = await redis.set(leaseKey(group), consumer, { condition: 'NX', expiration: { type: 'PX', value: claimAfterMs } });
      if (taken !== 'OK') return false;
      // Everything the group left pending (a dead reader's entries included) becomes ours, read again from the oldest.
      let start = '0-0';
      do {
        const claimed = await redis.xAutoClaimJustId(stream, group, consumer, 0, start, { COUNT: 1_000 });
        start = claimed.nextId;
      } while (start !== '0-0');
      cursor = '0';
      return true;
    };

    const renewer = setInterval(() => {
      if (!leading) return;
      void redis
        .eval(renewScript, { keys: [leaseKey(group)], arguments: [consumer, String(claimAfterMs)] })
        .then((renewed) => {
          if (renewed === 1 || !leading) return;
          leading = false;
          // A reader held up longer than its lease (a loaded machine) lost nothing while nobody took over: it takes the lease again.
          if (renewed === 0) logger.warn('lost the lease of a consumer group; another reader took over', { group });
          else logger.info('the lease of a consumer group lapsed with no other reader; taking it again', { group });
        })
        .catch(() => undefined);
    }, Math.max(100, Math.floor(claimAfterMs / 3)));
    renewer.unref();

    const types = consumeOptions.types ? new Set(consumeOptions.types) : undefined;
    const wanted = (message: Record<string, string>): EventEnvelope | undefined => {
      if (!message.e) return undefined;
      const event = JSON.parse(message.e) as EventEnvelope;
      return !types || types.has(event.type) ? event : undefined;
    };

    const handle = async (entries: StreamEntry[]) => {
      if ('batch' in handler) {
        if (entries.length === 0 || closed || !leading) return;
        const events = entries.flatMap(({ message }) => wanted(message) ?? []);
        if (events.length > 0) await observeHandling(group, events.at(-1)!, () => handler.batch(events));
        await redis.xAck(stream, group, entries.map(({ id }) => id));
        return;
      }
      for (const { id, message } of entries) {
        if (closed || !leading) return;
        const event = wanted(message);
        if (event) await observeHandling(group, event, () => handler.each(event));
        await redis.xAck(stream, group, id);
      }
    };

    const loop = (async () => {
      let failures = 0;
      while (!closed) {
        try {
          if (!leading) {
            leading = await acquire();
            if (!leading) {
              await sleep(Math.min(1_000, claimAfterMs / 2));
              continue;
            }
          }
          const reading = cursor;
          const result = await reader.xReadGroup(group, consumer, { key: stream, id: reading }, { COUNT: batchSize, BLOCK: blockMs });
          const entries = ((result as { messages: StreamEntry[] }[] | null)?.[0]?.messages ?? []).filter((entry): entry is StreamEntry => entry !== null);
          await handle(entries);
          if (reading === '0' && entries.length === 0) cursor = '>';
          failures = 0;
        } catch (error) {
          if (closed) break;
          cursor = '0';
          if (isNoGroup(error)) {
            // Redis lost the group (a restart without persistence): the stream is new, so start it from its beginning.
            logger.warn('consumer group missing; creating it again', { group });
            await createGroup(group, ephemeral ? '$' : '0', ephemeral).catch(() => undefined);
            leading = false;
            continue;
          }
          failures++;
          logger.error('event handler failed; will retry', { group, error });
          await sleep(Math.min(5_000, 200 * 2 ** failures));
        }
      }
    })();

    const subscription: BusSubscription = {
      async close() {
        closed = true;
        clearInterval(renewer);
        await closeRedis(reader);
        await loop;
        subscriptions.delete(subscription);
        await redis.eval(releaseScript, { keys: [leaseKey(group)], arguments: [consumer] }).catch(() => undefined);
        if (ephemeral) {
          await redis.xGroupDestroy(stream, group).catch(() => undefined);
          await redis.sRem(ephemeralGroups, group).catch(() => undefined);
        }
      },
    };
    subscriptions.add(subscription);
    return subscription;
};

  return {
    kind: 'redis',
    get consumers() {
      return subscriptions.size;
    },

    async publish(events, publishOptions = {}) {
      if (events.length === 0) return;
      const source = publishOptions.source ?? '';
      try {
        await redis.eval(publishScript, {
          keys: [stream, producerKey(source)],
          arguments: [String(maxLength), source, ...events.map((event) => JSON.stringify(event))],
        });
      } catch (error) {
        if (error instanceof Error && error.message.includes('BUSRESET')) throw new BusResetError(source);
        throw error;
      }
    },

    async acknowledgeReset(source) {
      await redis.set(producerKey(source), new Date().toISOString());
    },

    async healthy() {
      return (await redis.ping().catch(() => '')) === 'PONG';
    },

    consume: (consumeOptions, handler) => open(consumeOptions, { each: handler }),
    consumeBatches: (consumeOptions, handler) => open(consumeOptions, { batch: handler }),

    async close() {
      clearInterval(sweeper);
      await Promise.all([...subscriptions].map((s) => s.close()));
      await closeRedis(redis);
    },
  };
}
