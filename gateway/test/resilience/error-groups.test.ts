import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintOperatorToken } from '@cip/platform';
import { testSigningKey } from '@cip/platform/testing';
import { localAuth } from '../../src/server';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

/** Issue 13, error aggregation: the same failure raised 100 times is one group with count 100. */
let platform: TestPlatform;
let org: SeededOrg;
let operatorToken: string;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Grouped Garage');
  operatorToken = (await mintOperatorToken(localAuth(await testSigningKey(), platform.config, platform.store).signer, 'ops-oncall')).token;
});
afterAll(() => platform?.close());

const adminUrl = () => new URL('/admin/error-groups', platform.gatewayUrl);

async function groups(token: string) {
  const response = await fetch(adminUrl(), { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { groups: any[]; errors?: any[] } };
}

describe('error groups at the gateway', () => {
  it('counts one failure raised 100 times, with ids in its message, as one group of 100, exported and readable by operators', async () => {
    const probe = `query ShopProbe($id: ID!) { shop(id: $id) { id } }`;
    for (let i = 0; i < 100; i++) {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}`, 'apollographql-client-name': 'probe-app' },
        body: JSON.stringify({ query: probe, variables: { id: randomUUID() } }),
      });
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    await platform.execute(`{ shopz { id } }`, {}, { token: org.ownerToken });

    const { status, body } = await groups(operatorToken);
    expect(status).toBe(200);
    const notFound = body.groups.filter((g) => g.type.startsWith('NOT_FOUND'));
    expect(notFound).toHaveLength(1);
    expect(notFound[0]).toMatchObject({ count: 100, message: 'Shop <uuid> was not found.', operations: ['ShopProbe'], clients: ['probe-app'] });
    expect(Date.parse(notFound[0].firstSeen)).toBeLessThanOrEqual(Date.parse(notFound[0].lastSeen));
    expect(body.groups.find((g) => g.type.startsWith('GRAPHQL_VALIDATION_FAILED'))).toMatchObject({ count: 1 });

    const metrics = await (await fetch(new URL('/metrics', platform.gatewayUrl))).text();
    const line = metrics.split('\n').find((l) => l.startsWith('cip_error_group_events_total') && l.includes(`fingerprint="${notFound[0].fingerprint}"`));
    expect(line).toMatch(/ 100$/);
  });

  it('shows the groups to platform operators only', async () => {
    expect((await groups(org.ownerToken)).status).toBe(403);
    expect((await fetch(adminUrl())).status).toBe(401);
  });
});
