import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedTarget } from '../../src/features/webhooks/target';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

const refused = (url: string) => refusedTarget(url, { allowPrivate: false });

describe('which webhook URLs may be called', () => {
  it('refuses loopback, private-network, link-local (cloud metadata), unspecified and mapped addresses, and names resolving to them', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hooks',
      'http://10.1.2.3/hooks',
      'http://172.16.0.9/hooks',
      'http://192.168.1.20/hooks',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/hooks',
      'http://2130706433/hooks',
      'http://[::1]/hooks',
      'http://[fd12:3456::1]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://localhost:4000/graphql',
    ]) {
      expect(await refused(url), url).toMatch(/public addresses only/);
    }
  });

  it('allows public addresses, and anything when private targets are allowed (development)', async () => {
    expect(await refused('https://93.184.216.34/hooks')).toBeNull();
    expect(await refused('https://[2606:2800:220:1:248:1893:25c8:1946]/hooks')).toBeNull();
    expect(await refusedTarget('http://127.0.0.1:8080/hooks', { allowPrivate: true })).toBeNull();
  });
});

describe('registering a webhook in production', { timeout: 60_000 }, () => {
  let platform: TestPlatform;
  let org: SeededOrg;
  beforeAll(async () => {
    platform = await startTestPlatform({ only: ['shops', 'analytics'], configOverrides: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } });
    org = await signUp(platform, 'Metadata Motors');
  });
  afterAll(() => platform?.close());

  const register = async (url: string) => {
    const response = await fetch(platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1/endpoints'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}` },
      body: JSON.stringify({ url, eventTypes: ['shopMetricsUpdated'] }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('refuses a URL aimed at the private network with BAD_USER_INPUT and registers nothing', async () => {
    const metadata = await register('http://169.254.169.254/latest/meta-data/');
    expect(metadata.status).toBe(400);
    expect(metadata.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(metadata.body.errors[0].message).toMatch(/169\.254\.169\.254.*public addresses only/);
    expect((await register('http://localhost:5432/')).status).toBe(400);

    const listed = await fetch(platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1/endpoints'), { headers: { authorization: `Bearer ${org.ownerToken}` } });
    expect(((await listed.json()) as any).endpoints).toEqual([]);
    expect((await register('https://93.184.216.34/hooks')).status).toBe(201);
  });
});
