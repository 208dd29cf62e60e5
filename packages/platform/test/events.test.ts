import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../src/logger';
import type { EventBus } from '../src/events/bus';
import { claimUnprocessed, processOnce } from '../src/events/consumer';
import type { EventEnvelope } from '../src/events/envelope';
import { buildEvent, eventRejectedCode } from '../src/events/catalog';
import { consumeEvents } from '../src/events/typed-consumer';
import { createPostgresBus } from '../src/events/postgres-bus';
import { createRedisBus } from '../src/events/redis-bus';
import { startOutboxRelay } from '../src/events/relay';
import { outboxChannel, writeWithEvents } from '../src/events/outbox';
import { database, ledger, useLedgerDatabase } from './fixtures/ledger-database';

const run = promisify(execFile);
const logger = createLogger((process.env.TEST_LOG_LEVEL as 'error') ?? 'silent');

useLedgerDatabase('events');

const buses: [string, () => Promise<EventBus>][] = [
  ['postgres', () => createPostgresBus(database.url, { logger, pollMs: 100 })],
  ...(process.env.REDIS_URL
    ? [['redis', () => createRedisBus(process.env.REDIS_URL!, { logger, namespace: `t${Date.now()}${Math.random().toString(36).slice(2, 8)}` })] as [string, () => Promise<EventBus>]]
    : []),
];

function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  const recorder: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => recorder };
  return { logger: recorder, lines };
}

/** An event whose subject id carries a number or name, for tests of the bus itself. */
const numbered = (id: number | string) => buildEvent('customer.created', { orgId: 'o', shopId: null, subjectId: String(id), data: { smsConsent: false, emailConsent: false } });

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(buses)('the %s event bus', (_kind, createBus) => {
  it('delivers every event to each consumer group in publish order, and resumes a group where it stopped', async () => {
    const bus = await createBus();
    const group = `orders-${Math.random().toString(36).slice(2)}`;
    const events = Array.from({ length: 30 }, (_, i) => numbered(i));
    const seen: number[] = [];
    let subscription = await bus.consume({ group, from: 'beginning' }, async (event) => void seen.push(Number(event.subject.id)));
    await bus.publish(events.slice(0, 10));
    await until(() => seen.length === 10);
    await subscription.close();
    await bus.publish(events.slice(10));
    subscription = await bus.consume({ group, from: 'beginning' }, async (event) => void seen.push(Number(event.subject.id)));
    await until(() => seen.length >= 30);
    await subscription.close();
    expect(seen.filter((i) => i < 30)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    await bus.close();
  });

  it('hands a batch consumer whole batches in publish order, and the whole batch again when its handler throws', async () => {
    const bus = await createBus();
    const group = `batches-${Math.random().toString(36).slice(2)}`;
    const batches: number[][] = [];
    let failOnce = true;
    const subscription = await bus.consumeBatches({ group, from: 'latest' }, async (events) => {
      batches.push(events.map((event) => Number(event.subject.id)));
      if (failOnce) {
        failOnce = false;
        throw new Error('the first batch fails');
      }
    });
    await bus.publish(Array.from({ length: 20 }, (_, i) => numbered(i)));
    await until(() => new Set(batches.slice(1).flat()).size === 20);
    await subscription.close();
    const [failed, ...after] = batches;
    expect(failed.length).toBeGreaterThan(0);
    expect(after.flat().slice(0, failed.length)).toEqual(failed);
    expect([...new Set(after.flat())]).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(batches.some((batch) => batch.length > 1)).toBe(true);
    await bus.close();
  });

  it('keeps an event that does not match its catalog schema unacknowledged, logs its code, and hands the consumer nothing', async () => {
    const bus = await createBus();
    const group = `reject-${Math.random().toString(36).slice(2)}`;
    const { logger: recording, lines } = recordingLogger();
    const handled: string[] = [];
    const subscription = await consumeEvents(bus, { group, from: 'latest', types: ['customer.created'], logger: recording }, async (event) => void handled.push(event.id));
    const malformed = { ...numbered('malformed'), data: { smsConsent: 'yes' } };
    await bus.publish([malformed]);
    const rejections = () => lines.filter((line) => line.fields?.code === eventRejectedCode && line.fields?.eventId === malformed.id);
    await until(() => rejections().length >= 2, 10_000);
    await subscription.close();
    expect(handled).toEqual([]);
    expect(rejections()[0]!.fields).toMatchObject({ group, type: 'customer.created', version: 1 });
    expect(JSON.stringify(rejections()[0]!.fields?.issues)).toContain('data.smsConsent');

    const redelivered: string[] = [];
    const again = await bus.consume({ group, from: 'latest' }, async (event) => void redelivered.push(event.id));
    await until(() => redelivered.length > 0);
    await again.close();
    expect(redelivered).toEqual([malformed.id]);
    await bus.close();
  });

  it('hands a group that names its types only events of those types, in order, and moves it past the others', async () => {
    const bus = await createBus();
    const group = `typed-${Math.random().toString(36).slice(2)}`;
    const other = (id: string): EventEnvelope => ({ ...numbered(id), type: 'vehicle.added' });
    const seen: string[] = [];
    let subscription = await bus.consume({ group, from: 'latest', types: ['customer.created'] }, async (event) => void seen.push(event.subject.id));
    await bus.publish([numbered('a'), other('b'), numbered('c'), other('d')]);
    await until(() => seen.length === 2);
    await subscription.close();
    await bus.publish([other('e'), numbered('f')]);
    subscription = await bus.consume({ group, from: 'latest', types: ['customer.created'] }, async (event) => void seen.push(event.subject.id));
    await until(() => seen.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await subscription.close();
    expect(seen).toEqual(['a', 'c', 'f']);
    await bus.close();
  });

  it('redelivers an event whose handler failed, without skipping the ones after it', async () => {
    const bus = await createBus();
    const group = `retry-${Math.random().toString(36).slice(2)}`;
    let failures = 0;
    const handled: string[] = [];
    const subscription = await bus.consume({ group, from: 'latest' }, async (event) => {
      if (event.subject.id === 'flaky' && failures++ < 2) throw new Error('downstream unavailable');
      handled.push(event.subject.id);
    });
    await bus.publish(['first', 'flaky', 'last'].map((id) => numbered(id)));
    await until(() => handled.includes('last'), 10_000);
    await subscription.close();
    expect(failures).toBe(3);
    expect(handled.filter((id) => id !== 'first')).toEqual(['flaky', 'last']);
    await bus.close();
  });
});

/** A PostgreSQL bus that polls once a minute, so only notifications wake it, and a connection hearing the same notifications. */
async function slowPollingBus() {
  const bus = await createPostgresBus(database.url, { logger, pollMs: 60_000 });
  const observer = new pg.Client({ connectionString: database.url });
  await observer.connect();
  await observer.query('LISTEN bus_events');
  return { bus, observer };
}

describe('the PostgreSQL event bus, polling once a minute', () => {
  it('delivers an event published while its consumer handles an earlier one as soon as that ends, not at the next poll', async () => {
    const { bus, observer } = await slowPollingBus();
    const group = `mid-batch-${Math.random().toString(36).slice(2)}`;
    const handled: string[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    let releaseFirst!: () => void;
    const released = new Promise<void>((resolve) => (releaseFirst = resolve));
    const subscription = await bus.consume({ group, from: 'latest' }, async (event) => {
      if (event.subject.id === 'first') {
        firstStarted();
        await released;
      }
      handled.push(event.subject.id);
    });
    await bus.publish([numbered('first')]);
    await started;
    const notifiedOfSecond = new Promise<void>((resolve) => observer.once('notification', () => resolve()));
    await bus.publish([numbered('second')]);
    // The bus's own listener hears the same NOTIFY as the observer: let it arrive while 'first' is still being handled.
    await notifiedOfSecond;
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await until(() => handled.length === 2, 10_000);
    expect(handled).toEqual(['first', 'second']);
    await subscription.close();
    await observer.end();
    await bus.close();
  });
});

describe('the PostgreSQL event bus, sending its statements as one list', () => {
  it('carries quotes, backslashes, SQL and non-ASCII text in an event and a group name unchanged', async () => {
    const bus = await createPostgresBus(database.url, { logger, pollMs: 100 });
    const awkward = `O'Brien \\ "quoted" \\' ; DROP TABLE bus.events; -- Citroën 🚗`;
    const group = `quotes-${Math.random().toString(36).slice(2)} ${awkward}`;
    const seen: string[] = [];
    const subscription = await bus.consume({ group, from: 'latest', types: ['customer.created', awkward] }, async (event) => void seen.push(event.subject.id));
    await bus.publish([numbered(awkward), { ...numbered('typed'), type: awkward }]);
    await until(() => seen.length === 2);
    expect(seen).toEqual([awkward, 'typed']);
    await subscription.close();
    await bus.close();
  });
});

describe('the PostgreSQL event bus, for a group that names its types', () => {
  it('is not woken by a publish of other types, and moves past them when an event of its own arrives', async () => {
    const { bus, observer } = await slowPollingBus();
    const group = `woken-${Math.random().toString(36).slice(2)}`;
    const position = async () => (await observer.query<{ seq: string }>('SELECT seq FROM bus.positions WHERE consumer_group = $1', [group])).rows[0]!.seq;
    const head = async () => (await observer.query<{ seq: string }>('SELECT max(seq) AS seq FROM bus.events')).rows[0]!.seq;
    const handled: string[] = [];
    const subscription = await bus.consume({ group, from: 'latest', types: ['customer.created'] }, async (event) => void handled.push(event.subject.id));
    const before = await position();

    const notified = new Promise<string>((resolve) => observer.once('notification', (message) => resolve(message.payload ?? '')));
    await bus.publish([{ ...numbered('other'), type: 'vehicle.added' }]);
    expect(await notified).toBe('vehicle.added');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await position()).toBe(before);

    await bus.publish([numbered('own')]);
    await until(() => handled.length === 1);
    await until(async () => (await position()) === (await head()));
    expect(handled).toEqual(['own']);
    await subscription.close();
    await observer.end();
    await bus.close();
  });
});

describe('the transactional outbox', () => {
  it('delivers an event whose writer crashed between commit and publish, once the relay restarts, and a duplicate delivery changes nothing', async () => {
    const child = await run(process.execPath, ['--import', 'tsx', new URL('./fixtures/crash-writer.ts', import.meta.url).pathname], {
      env: { ...process.env, DATABASE_URL: database.url },
    }).catch((error: { code?: number; signal?: string; stdout: string }) => error);
    expect((child as { signal?: string }).signal).toBe('SIGKILL');
    const eventId = child.stdout.trim();
    const [pending] = await ledger.dataSource.query('SELECT count(*)::int AS n FROM ledger.outbox WHERE published_at IS NULL AND id = $1', [eventId]);
    expect(pending.n).toBe(1);

    const bus = await createPostgresBus(database.url, { logger, pollMs: 100 });
    const received: EventEnvelope[] = [];
    const apply = (event: EventEnvelope) =>
      processOnce(ledger.dataSource, 'ledger', 'visits-projection', event, async (manager) => {
        await manager.query(`UPDATE ledger.counter SET value = value + 1 WHERE name = 'visits'`);
      });
    const subscription = await bus.consume({ group: 'visits-projection', from: 'beginning' }, async (event) => {
      if (event.type !== 'customer.created' || event.subject.id !== 'visits') return;
      await apply(event);
      received.push(event);
    });
    const relay = await startOutboxRelay({ dataSource: ledger.dataSource, schema: 'ledger', bus, logger, pollMs: 100 });
    await until(() => received.some((e) => e.id === eventId));
    await relay.stop();

    // At-least-once: the same event handed to the consumer again is recognised by its id and applies nothing.
    const redelivered = received.find((e) => e.id === eventId)!;
    expect(await apply(redelivered)).toBe(false);
    await subscription.close();
    await bus.close();

    const [counter] = await ledger.dataSource.query(`SELECT value FROM ledger.counter WHERE name = 'visits'`);
    expect(counter.value).toBe(2);
    const [outbox] = await ledger.dataSource.query('SELECT published_at FROM ledger.outbox WHERE id = $1', [eventId]);
    expect(outbox.published_at).not.toBeNull();
  });

  it('writes a state change, its events and their NOTIFY in one statement, and none of them when the write fails', async () => {
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const notified: string[] = [];
    listener.on('notification', (message) => notified.push(message.channel));
    await listener.query(`LISTEN ${outboxChannel('ledger')}`);
    try {
      await ledger.dataSource.query(`INSERT INTO ledger.counter (name, value) VALUES ('writes', 0)`);
      const written = numbered('written');
      await ledger.dataSource.transaction((manager) =>
        writeWithEvents(manager, 'ledger', [written], { sql: `UPDATE ledger.counter SET value = value + $1 WHERE name = 'writes'`, params: [5] }),
      );
      const refused = numbered('refused');
      await expect(
        ledger.dataSource.transaction((manager) =>
          writeWithEvents(manager, 'ledger', [refused], { sql: `INSERT INTO ledger.counter (name, value) VALUES ($1, 1)`, params: ['writes'] }),
        ),
      ).rejects.toThrow(/duplicate key/);

      const [counter] = await ledger.dataSource.query(`SELECT value FROM ledger.counter WHERE name = 'writes'`);
      expect(counter.value).toBe(5);
      const outbox: { id: string }[] = await ledger.dataSource.query('SELECT id FROM ledger.outbox WHERE id = ANY($1::uuid[])', [[written.id, refused.id]]);
      expect(outbox.map((row) => row.id)).toEqual([written.id]);
      await until(() => notified.length > 0);
      expect(notified).toEqual([outboxChannel('ledger')]);
    } finally {
      await listener.end();
    }
  });

  it('claims each event a consumer has not applied once, and holds the advisory locks taken with the claim until the transaction ends', async () => {
    const [first, second, third] = [numbered('claim-1'), numbered('claim-2'), numbered('claim-3')];
    const lockKey = `claim-test-${Math.random().toString(36).slice(2)}`;
    const lockedElsewhere = async () => {
      const [row] = await ledger.dataSource.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS free`, [lockKey]);
      return !row.free;
    };
    const claimed = await ledger.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(manager, 'ledger', 'claims', [first, second, first], [lockKey]);
      expect(await lockedElsewhere()).toBe(true);
      return fresh;
    });
    expect(claimed.map((event) => event.id)).toEqual([first.id, second.id]);
    expect(await lockedElsewhere()).toBe(false);
    const again = await ledger.dataSource.transaction((manager) => claimUnprocessed(manager, 'ledger', 'claims', [second, third, first]));
    expect(again.map((event) => event.id)).toEqual([third.id]);
  });

  it('refuses to enqueue an event outside the transaction that writes its state', async () => {
    const { enqueueEvents } = await import('../src/events/outbox');
    const event = numbered(1);
    await expect(enqueueEvents(ledger.dataSource.manager, 'ledger', [event])).rejects.toThrow(/inside the transaction/);
  });
});
