import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '@cip/platform';
import { Webhook } from 'standardwebhooks';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let alpha: SeededOrg;
let bravo: SeededOrg;
let api: string;
const received: { headers: Record<string, string>; body: string }[] = [];
const hook = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(204).end();
  });
});
let hookUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hooks`;
  platform = await startTestPlatform({ only: ['shops', 'analytics'] });
  alpha = await signUp(platform, 'Alpha Auto');
  bravo = await signUp(platform, 'Bravo Brakes');
  api = platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1');
});
afterAll(async () => {
  await platform?.close();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

const call = async (path: string, options: { token?: string; method?: string; body?: unknown } = {}) => {
  const response = await fetch(`${api}${path}`, {
    method: options.method ?? (options.body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return { status: response.status, body: await response.json() };
};

async function until(done: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!(await done())) throw new Error('timed out');
}

const metricsEvent = (org: SeededOrg) =>
  buildEvent('analytics.shop_metrics_updated', { orgId: org.orgId, shopId: org.shopId, subjectId: org.shopId, data: { days: [] } });

describe('the webhooks API', () => {
  it('lists the event types derived from the subscription fields', async () => {
    const { status, body } = await call('/event-types');
    expect(status).toBe(200);
    expect(body.eventTypes).toContainEqual(expect.objectContaining({ name: 'shopMetricsUpdated', payloadType: 'ShopMetrics' }));
  });

  it('refuses callers without credentials and registrations that do not fit', async () => {
    expect((await call('/endpoints', { body: { url: hookUrl, eventTypes: ['shopMetricsUpdated'] } })).status).toBe(401);
    const unknown = await call('/endpoints', { token: alpha.ownerToken, body: { url: hookUrl, eventTypes: ['noSuchThing'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badUrl = await call('/endpoints', { token: alpha.ownerToken, body: { url: 'ftp://example.com', eventTypes: ['shopMetricsUpdated'] } });
    expect(badUrl.status).toBe(400);
    const foreign = await call('/endpoints', { token: alpha.ownerToken, body: { url: hookUrl, eventTypes: ['shopMetricsUpdated'], shopIds: [bravo.shopId] } });
    expect(foreign.status).toBe(400);
  });

  it('registers an endpoint, shows its secret once, delivers signed events, logs them and replays on request', async () => {
    const created = await call('/endpoints', { token: alpha.ownerToken, body: { url: hookUrl, eventTypes: ['shopMetricsUpdated'] } });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: hookUrl, shopIds: [alpha.shopId], status: 'active' });
    expect(JSON.stringify((await call('/endpoints', { token: alpha.ownerToken })).body)).not.toContain(secret);
    expect((await call(`/endpoints/${endpoint.id}`, { token: bravo.ownerToken })).status).toBe(404);

    await platform.bus.publish([metricsEvent(bravo), metricsEvent(alpha)]);
    await until(() => received.length === 1);
    const [delivery] = received;
    expect(new Webhook(secret).verify(delivery!.body, delivery!.headers)).toMatchObject({ id: expect.any(String) });
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'shopMetricsUpdated', shopId: alpha.shopId });

    const log = await until(async () => (await call(`/endpoints/${endpoint.id}/deliveries`, { token: alpha.ownerToken })).body.deliveries[0]?.status === 'delivered')
      .then(() => call(`/endpoints/${endpoint.id}/deliveries`, { token: alpha.ownerToken }));
    const [logged] = log.body.deliveries;
    expect(logged).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
    expect(logged.attemptLog[0]).toMatchObject({ statusCode: 204, succeeded: true });

    const rotated = await call(`/endpoints/${endpoint.id}/rotate-secret`, { token: alpha.ownerToken, method: 'POST' });
    expect(rotated.body.secret).not.toBe(secret);
    const replay = await call(`/endpoints/${endpoint.id}/deliveries/${logged.id}/replay`, { token: alpha.ownerToken, method: 'POST' });
    expect(replay.status).toBe(202);
    await until(() => received.length === 2);
    const again = received[1]!;
    expect(again.headers['webhook-id']).toBe(delivery!.headers['webhook-id']);
    for (const s of [secret, rotated.body.secret]) {
      expect(new Webhook(s).verify(again.body, again.headers)).toEqual(JSON.parse(again.body));
    }
  });
});
