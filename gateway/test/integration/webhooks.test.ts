import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { Supergraph } from '@apollo/federation-internals';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildEvent, consumeEvents, createBus, createLogger, openDatabase, type CatalogEvent, type EventBus } from '@cip/platform';
import { createTestDatabase, testConfig, type TestDatabase } from '@cip/platform/testing';
import type { DataSource } from 'typeorm';
import { ApiKeys1764300000000 } from '../../src/features/api-keys/migrations/1764300000000-api-keys';
import { Webhooks1764300000001 } from '../../src/features/webhooks/migrations/1764300000001-webhooks';
import { webhookCatalog, type WebhookEventType } from '../../src/features/webhooks/catalog';
import { startWebhookDispatcher, type DispatcherOptions, type WebhookDispatcher } from '../../src/features/webhooks/dispatcher';
import { WebhookRepository, type WebhookOwner } from '../../src/features/webhooks/repository';
import { newWebhookSecret } from '../../src/features/webhooks/signature';

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  at: number;
}

/** A webhook receiver: records every request and answers with whatever `respond` says. */
async function receiver(respond: (count: number) => number | Promise<number> = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      received.push({
        id: String(req.headers['webhook-id']),
        timestamp: String(req.headers['webhook-timestamp']),
        signature: String(req.headers['webhook-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      res.writeHead(await respond(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a receiver does with the `standardwebhooks` library (docs/integration.md): true when it accepts the delivery. */
function accepts(secret: string, delivery: Pick<Received, 'id' | 'timestamp' | 'signature' | 'body'>) {
  try {
    new Webhook(secret).verify(delivery.body, { 'webhook-id': delivery.id, 'webhook-timestamp': delivery.timestamp, 'webhook-signature': delivery.signature });
    return true;
  } catch {
    return false;
  }
}

let database: TestDatabase;
let dataSource: DataSource;
let bus: EventBus;
let repo: WebhookRepository;
let catalog: WebhookEventType[];
let subscriptionFields: string[];
const logger = createLogger('silent', { service: 'webhooks-test' });
const owner: WebhookOwner = { kind: 'staff', userId: randomUUID(), orgId: randomUUID(), roles: {} };

beforeAll(async () => {
  database = await createTestDatabase('webhooks');
  ({ dataSource } = await openDatabase({ url: database.url, schema: 'gateway', entities: [], migrations: [ApiKeys1764300000000, Webhooks1764300000001] }));
  bus = await createBus(testConfig('gateway'), database.url, logger);
  repo = new WebhookRepository(dataSource.manager);
  const supergraph = await readFile(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  const apiSchema = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
  catalog = webhookCatalog(apiSchema);
  subscriptionFields = Object.keys(apiSchema.getSubscriptionType()!.getFields());
});
afterAll(async () => {
  await bus?.close();
  await dataSource?.destroy();
  await database?.drop();
});

const dispatch = (overrides: Partial<DispatcherOptions> = {}) =>
  startWebhookDispatcher({ dataSource, bus, logger, catalog, retryBaseMs: 200, disableAfterFailures: 100, allowPrivateTargets: true, pollMs: 100, ...overrides });

function inspectionEvent(shopId: string, type: 'inspection.completed' | 'inspection.sent' = 'inspection.completed'): CatalogEvent {
  const inspectionId = randomUUID();
  const about = { orgId: owner.kind === 'staff' ? owner.orgId : '', shopId, subjectId: inspectionId };
  const now = new Date().toISOString();
  return type === 'inspection.sent'
    ? buildEvent(type, { ...about, data: { inspectionId, technicianId: null, completedAt: now, sentAt: now, recommendations: [], presentedCents: 0, currency: 'USD' } })
    : buildEvent(type, {
        ...about,
        data: { inspectionId, vehicleId: randomUUID(), customerId: randomUUID(), technicianId: null, startedAt: now, completedAt: now, items: { green: 1, yellow: 0, red: 0, notInspected: 0 }, recommendationCount: 0, recommendedCents: 0, currency: 'USD' },
      });
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const endpointFor = async (url: string, shopId: string) =>
  repo.createEndpoint({ owner, shopIds: [shopId], url, eventTypes: ['inspectionUpdated'], selection: null, secret: newWebhookSecret() });

describe('the webhook event catalog', () => {
  it('has one event type per subscription field of the composed schema (oracle: the supergraph SDL)', () => {
    expect(subscriptionFields.length).toBeGreaterThan(0);
    expect(catalog.map((t) => t.name).sort()).toEqual([...subscriptionFields].sort());
    expect(catalog.find((t) => t.name === 'shopMetricsUpdated')?.typename).toBe('ShopMetrics');
  });

  it('delivers, for each event type, the catalog events that change its entity', () => {
    const sources = (name: string) => catalog.find((t) => t.name === name)?.sources.map((s) => `${s.type}@${s.version}`).sort();
    expect(sources('shopMetricsUpdated')).toEqual(['analytics.shop_metrics_updated@1']);
    expect(sources('recommendationDecided')).toEqual(['recommendation.approved@1', 'recommendation.declined@1', 'recommendation.refunded@1']);
    expect(sources('inspectionUpdated')).toEqual(['inspection.closed@1', 'inspection.completed@1', 'inspection.sent@1', 'inspection.started@1']);
  });
});

describe('webhook delivery', () => {
  let dispatcher: WebhookDispatcher | undefined;
  afterAll(() => dispatcher?.stop());

  it("signs deliveries so the receiver verifies them with the endpoint's secret, only for the endpoint's shops, and records each", async () => {
    dispatcher ??= await dispatch();
    const hook = await receiver();
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    const events = [inspectionEvent(shopId), inspectionEvent(randomUUID()), inspectionEvent(shopId, 'inspection.sent')];
    await bus.publish(events);
    // The dispatcher reads the bus in publish order: with the first and the third delivered, the second was read and left out.
    await until(() => hook.received.length >= 2);
    expect(hook.received).toHaveLength(2);
    for (const delivery of hook.received) {
      expect(delivery.signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      expect(accepts(endpoint.secret, delivery)).toBe(true);
      expect(accepts(newWebhookSecret(), delivery)).toBe(false);
    }
    const bodies = hook.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.id).sort()).toEqual([events[0]!.id, events[2]!.id].sort());
    expect(bodies[0]).toMatchObject({ type: 'inspectionUpdated', shopId, subject: { typename: 'Inspection' } });
    await until(async () => (await repo.deliveries(endpoint.id)).every((d) => d.status === 'delivered'));
    const [delivery] = await repo.deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    const [attempt] = await repo.attempts(delivery!.id);
    expect(attempt).toMatchObject({ statusCode: 200, succeeded: true, error: null });
    expect(attempt!.latencyMs).toBeGreaterThanOrEqual(0);
    await hook.close();
  });

  it('is refused by a standardwebhooks receiver when its body, id or timestamp is altered, or when it is replayed later', async () => {
    dispatcher ??= await dispatch();
    const hook = await receiver();
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    await until(() => hook.received.length === 1);
    const genuine = hook.received[0]!;
    expect(accepts(endpoint.secret, genuine)).toBe(true);
    expect(accepts(endpoint.secret, { ...genuine, body: genuine.body.replace('inspectionUpdated', 'inspectionUpdatex') })).toBe(false);
    expect(accepts(endpoint.secret, { ...genuine, timestamp: String(Number(genuine.timestamp) + 1) })).toBe(false);
    expect(accepts(endpoint.secret, { ...genuine, id: randomUUID() })).toBe(false);
    expect(accepts(endpoint.secret, { ...genuine, signature: '' })).toBe(false);
    // The same delivery captured and sent again ten minutes later is refused, however genuine its signature.
    vi.useFakeTimers({ toFake: ['Date'], now: Number(genuine.timestamp) * 1000 + 600_000 });
    try {
      expect(accepts(endpoint.secret, genuine)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    await hook.close();
  });

  it('retries a receiver that fails 5 times with growing delays, then delivers once it recovers', async () => {
    dispatcher ??= await dispatch();
    const hook = await receiver((count) => (count <= 5 ? 503 : 200));
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    await until(() => hook.received.length === 6);
    const gaps = hook.received.slice(1).map((r, i) => r.at - hook.received[i]!.at);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]! * 1.4);
    expect(gaps[0]!).toBeGreaterThanOrEqual(180);
    expect(new Set(hook.received.map((r) => r.id)).size).toBe(1);
    await until(async () => (await repo.deliveries(endpoint.id))[0]?.status === 'delivered');
    const [delivery] = await repo.deliveries(endpoint.id);
    expect(delivery!.attempts).toBe(6);
    const attempts = await repo.attempts(delivery!.id);
    expect(attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, 503, 503, 200]);
    console.info(`retry gaps (ms) with a 200 ms base: ${gaps.join(', ')}`);
    await hook.close();
  });

  it('replays a delivery on request, with the same delivery id', async () => {
    dispatcher ??= await dispatch();
    const hook = await receiver();
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    await until(() => hook.received.length === 1);
    await until(async () => (await repo.deliveries(endpoint.id))[0]?.status === 'delivered');
    const [delivery] = await repo.deliveries(endpoint.id);
    expect(await repo.replay(endpoint.id, delivery!.id)).toBe(true);
    await until(() => hook.received.length === 2);
    expect(hook.received[1]!.id).toBe(hook.received[0]!.id);
    expect(hook.received[1]!.body).toBe(hook.received[0]!.body);
    await hook.close();
  });

  it('is verified by a standardwebhooks receiver across a secret rotation: the old secret, then both during the overlap, then only the new one', async () => {
    dispatcher ??= await dispatch();
    const hook = await receiver();
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    const oldSecret = endpoint.secret;
    await bus.publish([inspectionEvent(shopId)]);
    await until(() => hook.received.length === 1);
    const before = hook.received[0]!;
    expect(before.signature.split(' ')).toHaveLength(1);
    expect(accepts(oldSecret, before)).toBe(true);

    const newSecret = newWebhookSecret();
    await repo.rotateSecret(endpoint.id, newSecret, new Date(Date.now() + 3_600_000));
    await bus.publish([inspectionEvent(shopId)]);
    await until(() => hook.received.length === 2);
    const during = hook.received[1]!;
    expect(during.signature.split(' ')).toHaveLength(2);
    expect(accepts(oldSecret, during)).toBe(true);
    expect(accepts(newSecret, during)).toBe(true);

    // The overlap ends: the previous secret no longer signs.
    await dataSource.query(`UPDATE gateway.webhook_endpoint SET previous_secret_until = now() - interval '1 second' WHERE id = $1`, [endpoint.id]);
    await bus.publish([inspectionEvent(shopId)]);
    await until(() => hook.received.length === 3);
    const after = hook.received[2]!;
    expect(after.signature.split(' ')).toHaveLength(1);
    expect(accepts(newSecret, after)).toBe(true);
    expect(accepts(oldSecret, after)).toBe(false);
    await hook.close();
  });
});

describe('a dispatcher restart', () => {
  it('delivers every event of a burst exactly once to a healthy endpoint when the dispatcher is stopped mid-burst and started again', async () => {
    // The receiver holds the first dispatcher's two requests until it is stopping, so the stop lands mid-burst.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hook = await receiver(async () => {
      await held;
      return 200;
    });
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    const first = await dispatch({ concurrency: 2 });
    const burst = Array.from({ length: 60 }, () => inspectionEvent(shopId));
    await bus.publish(burst);
    await until(async () => hook.received.length === 2 && (await repo.deliveries(endpoint.id)).length === burst.length);
    const stopping = first.stop();
    release();
    await stopping;
    // Stopped: what it sent is recorded as delivered and nothing is left claimed, so nothing more can leave it.
    const atStop = await repo.deliveries(endpoint.id);
    expect(hook.received).toHaveLength(2);
    expect(atStop.filter((d) => d.status === 'delivered')).toHaveLength(2);
    expect(atStop.filter((d) => d.status === 'pending')).toHaveLength(burst.length - 2);

    const second = await dispatch({ concurrency: 2 });
    await until(async () => (await repo.deliveries(endpoint.id)).every((d) => d.status === 'delivered'), 60_000);
    await second.stop();
    const eventIds = hook.received.map((r) => JSON.parse(r.body).id as string);
    expect(new Set(eventIds)).toEqual(new Set(burst.map((e) => e.id)));
    expect(hook.received).toHaveLength(burst.length);
    await hook.close();
  });

  it('hands the deliveries of a dispatcher that died mid-send to the next one once its lease runs out', async () => {
    const hook = await receiver();
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    const queueOnly = await dispatch({ concurrency: 0 });
    await until(async () => (await repo.deliveries(endpoint.id)).length === 1);
    await queueOnly.stop();
    // A dispatcher that claimed the delivery and then died: the row is left 'delivering' under its lease.
    const claimed = await repo.claimDue(100, 1);
    expect(claimed.map((d) => d.endpointId)).toContain(endpoint.id);
    const next = await dispatch({ leaseSeconds: 1 });
    await until(() => hook.received.length === 1);
    await next.stop();
    expect((await repo.deliveries(endpoint.id))[0]?.status).toBe('delivered');
    await hook.close();
  });
});

describe('an endpoint whose address is not public', () => {
  it('is never called when private targets are refused: the attempt is recorded as not delivered', async () => {
    const dispatcher = await dispatch({ allowPrivateTargets: false, retryBaseMs: 60_000 });
    const hook = await receiver();
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    await until(async () => (await repo.deliveries(endpoint.id)).some((d) => d.attempts > 0));
    await dispatcher.stop();
    const [delivery] = await repo.deliveries(endpoint.id);
    const [attempt] = await repo.attempts(delivery!.id);
    expect(attempt).toMatchObject({ succeeded: false, statusCode: null });
    expect(attempt!.error).toMatch(/not delivered: .*loopback/);
    expect(hook.received).toHaveLength(0);
    await hook.close();
  });
});

describe('an endpoint that keeps failing', () => {
  it('reads the retry schedule (the dynamic setting webhooks.retry-schedule) at each failure: a changed schedule applies to the next retry', async () => {
    let schedule = { firstDelayMs: 100, maxDelayMs: 100, windowMs: 3_600_000 };
    const dispatcher = await dispatch({ retrySchedule: () => schedule });
    const hook = await receiver((count) => {
      if (count === 2) schedule = { firstDelayMs: 3_600_000, maxDelayMs: 7_200_000, windowMs: 86_400_000 };
      return 503;
    });
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    await until(async () => (await repo.deliveries(endpoint.id))[0]?.attempts === 2);
    const [delivery] = await repo.deliveries(endpoint.id);
    // The second failure met the new schedule: 3,600,000 × 2^1, capped at its 7,200,000.
    expect(delivery!.nextAttemptAt.getTime() - hook.received[1]!.at).toBeGreaterThan(7_100_000);
    expect(delivery!.status).toBe('pending');
    await dispatcher.stop();
    await hook.close();
  });

  it('is disabled after the configured number of failures in a row, and its owner is told', async () => {
    const disabledEvents: CatalogEvent<'webhook.endpoint_disabled'>[] = [];
    const watch = await consumeEvents(bus, { group: `watch-${randomUUID()}`, from: 'latest', ephemeral: true, types: ['webhook.endpoint_disabled'], logger }, async (event) => {
      disabledEvents.push(event);
    });
    const dispatcher = await dispatch({ retryBaseMs: 50, disableAfterFailures: 3 });
    const hook = await receiver(() => 500);
    const shopId = randomUUID();
    const endpoint = await endpointFor(hook.url, shopId);
    await bus.publish([inspectionEvent(shopId)]);
    await until(async () => (await repo.findOwned(owner, endpoint.id))?.status === 'disabled');
    const notices = await repo.notifications(owner);
    expect(notices.find((n) => n.endpointId === endpoint.id)).toMatchObject({ kind: 'endpoint_disabled' });
    await until(() => disabledEvents.some((e) => e.subject.id === endpoint.id));
    // A healthy endpoint of the same shop: the next event is fanned out to both at once, so once it has
    // reached this one the disabled endpoint has been passed over.
    const healthy = await receiver();
    await endpointFor(healthy.url, shopId);
    const next = inspectionEvent(shopId);
    await bus.publish([next]);
    await until(() => healthy.received.some((r) => JSON.parse(r.body).id === next.id));
    await dispatcher.stop();
    expect(await repo.deliveries(endpoint.id)).toHaveLength(1);
    expect(hook.received).toHaveLength(3);
    await watch.close();
    await hook.close();
    await healthy.close();
  });
});
