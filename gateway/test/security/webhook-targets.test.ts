import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, openDatabase } from '@cip/platform';
import type { DataSource } from 'typeorm';
import { WebhookRepository } from '../../src/features/webhooks/repository';
import { newWebhookSecret } from '../../src/features/webhooks/signature';
import { refusedTarget } from '../../src/features/webhooks/target';
import { postDelivery } from '../../src/features/webhooks/transport';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

const refused = (url: string) => refusedTarget(url, { allowPrivate: false });

/** Every spelling of a loopback, private, link-local, reserved or IPv4-embedding address we know of. */
const privateTargets = [
  'http://127.0.0.1:8080/hooks',
  'http://10.1.2.3/hooks',
  'http://172.16.0.9/hooks',
  'http://192.168.1.20/hooks',
  'http://100.64.0.1/hooks',
  'http://169.254.169.254/latest/meta-data/',
  'http://0.0.0.0/hooks',
  'http://255.255.255.255/hooks',
  'http://2130706433/hooks',
  'http://0177.0.0.1/hooks',
  'http://0x7f000001/hooks',
  'http://127.1/hooks',
  'http://0251.0376.0251.0376/latest/meta-data/',
  'http://[::1]/hooks',
  'http://[0:0:0:0:0:0:0:1]/hooks',
  'http://[::]/hooks',
  'http://[fd12:3456::1]/hooks',
  'http://[fe80::1]/hooks',
  'http://[fec0::1]/hooks',
  'http://[ff02::1]/hooks',
  'http://[::ffff:127.0.0.1]/hooks',
  'http://[::ffff:7f00:1]/hooks',
  'http://[::ffff:169.254.169.254]/hooks',
  'http://[::ffff:10.0.0.1]/hooks',
  'http://[::127.0.0.1]/hooks',
  'http://[::7f00:1]/hooks',
  'http://[::a9fe:a9fe]/hooks',
  'http://[64:ff9b::7f00:1]/hooks',
  'http://[2002:7f00:1::1]/hooks',
  'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks',
  'http://[2001:db8::1]/hooks',
  'http://localhost:4000/graphql',
];

describe('which webhook URLs may be called', () => {
  it('refuses every form of a loopback, private-network, link-local (cloud metadata) or reserved address, and names resolving to them', async () => {
    for (const url of privateTargets) expect(await refused(url), url).toMatch(/public addresses only/);
  });

  it('allows public IPv4 and global IPv6 addresses, an IPv4-mapped public address, and anything when private targets are allowed (development)', async () => {
    expect(await refused('https://93.184.216.34/hooks')).toBeNull();
    expect(await refused('https://[2606:2800:220:1:248:1893:25c8:1946]/hooks')).toBeNull();
    expect(await refused('https://[::ffff:93.184.216.34]/hooks')).toBeNull();
    expect(await refusedTarget('http://127.0.0.1:8080/hooks', { allowPrivate: true })).toBeNull();
  });
});

describe('a webhook aimed at a private address, in production', () => {
  let platform: TestPlatform;
  let org: SeededOrg;
  let dataSource: DataSource;
  const received: string[] = [];
  const hook = createServer((req, res) => {
    received.push(String(req.headers.host));
    res.writeHead(204).end();
  });
  let port: number;

  beforeAll(async () => {
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    port = (hook.address() as { port: number }).port;
    platform = await startTestPlatform({ only: ['shops', 'analytics'], configOverrides: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false', WEBHOOK_RETRY_BASE_MS: '60000' } });
    org = await signUp(platform, 'Metadata Motors');
    ({ dataSource } = await openDatabase({ url: platform.database.url, schema: 'gateway', entities: [], migrations: [] }));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await platform?.close();
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  const endpoints = () => platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1/endpoints');
  const register = async (url: string) => {
    const response = await fetch(endpoints(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}` },
      body: JSON.stringify({ url, eventTypes: ['shopMetricsUpdated'] }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('is refused at registration, in every address form, with BAD_USER_INPUT, and nothing is registered', async () => {
    for (const url of [...privateTargets, `http://[::ffff:127.0.0.1]:${port}/hooks`, `http://[::127.0.0.1]:${port}/hooks`]) {
      const answer = await register(url);
      expect(answer.status, url).toBe(400);
      expect(answer.body.errors[0].extensions.code, url).toBe('BAD_USER_INPUT');
      expect(answer.body.errors[0].message, url).toMatch(/public addresses only/);
    }
    const listed = await fetch(endpoints(), { headers: { authorization: `Bearer ${org.ownerToken}` } });
    expect(((await listed.json()) as any).endpoints).toEqual([]);
    expect((await register('https://93.184.216.34/hooks')).status).toBe(201);
  });

  it('is checked again before each delivery: an endpoint whose URL became private is never called, and the attempt says why', async () => {
    // As if the endpoint had been registered when its address was public.
    const repo = new WebhookRepository(dataSource.manager);
    const owner = { kind: 'staff' as const, userId: org.ownerId, orgId: org.orgId, roles: { [org.shopId]: 'OWNER' as const } };
    const urls = [`http://[::ffff:127.0.0.1]:${port}/hooks`, `http://[::127.0.0.1]:${port}/hooks`, `http://2130706433:${port}/hooks`, `http://localhost:${port}/hooks`];
    const created = await Promise.all(
      urls.map((url) => repo.createEndpoint({ owner, shopIds: [org.shopId], url, eventTypes: ['shopMetricsUpdated'], selection: null, secret: newWebhookSecret() })),
    );
    await platform.bus.publish([buildEvent('analytics.shop_metrics_updated', { orgId: org.orgId, shopId: org.shopId, subjectId: org.shopId, data: { days: [] } })]);
    for (const endpoint of created) {
      await expect.poll(async () => (await repo.deliveries(endpoint.id))[0]?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
      const [delivery] = await repo.deliveries(endpoint.id);
      const [attempt] = await repo.attempts(delivery!.id);
      expect(attempt, endpoint.url).toMatchObject({ succeeded: false, statusCode: null });
      expect(attempt!.error, endpoint.url).toMatch(/not delivered: .*public addresses only/);
    }
    expect(received).toEqual([]);
  });

  it('connects only to the address it checked: a name resolving to a private address fails at connection time too', async () => {
    const delivery = { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 10_000 };
    await expect(postDelivery(`http://localhost:${port}/hooks`, { ...delivery, allowPrivate: false })).rejects.toMatchObject({ code: 'EWEBHOOKTARGET' });
    expect(received).toEqual([]);
    // The same receiver is reachable: only the check stopped the request.
    expect(await postDelivery(`http://localhost:${port}/hooks`, { ...delivery, allowPrivate: true })).toBe(204);
    expect(received).toHaveLength(1);
  });
});
