import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'analytics'] });
});
afterAll(() => platform?.close());

const readiness = async () => {
  const response = await fetch(platform.gatewayUrl.replace('/graphql', '/readyz'));
  return { status: response.status, body: (await response.json()) as { status: string; subgraphs: Record<string, string> } };
};

describe('gateway readiness', () => {
  it('stays ready, degraded, while a subgraph is down, serves the other subgraphs, and is unavailable only when none answers', async () => {
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready', subgraphs: { shops: 'ready', analytics: 'ready' } } });

    await platform.subgraphs.analytics!.server.close(0);
    expect(await readiness()).toEqual({ status: 200, body: { status: 'degraded', subgraphs: { shops: 'ready', analytics: 'unavailable' } } });
    const signUp = await platform.execute(
      `mutation($input: SignUpInput!) { signUp(input: $input) { email } }`,
      { input: { organizationName: 'Half Open', ownerName: 'Olive', email: `half-${Date.now()}@example.com`, password: 'correct horse battery', shop: { name: 'Half Open', address: { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80202', country: 'US' }, timezone: 'America/Denver', laborRateCents: 10000 } } },
    );
    expect(signUp.errors).toBeUndefined();

    await platform.subgraphs.shops!.server.close(0);
    expect(await readiness()).toEqual({ status: 503, body: { status: 'unavailable', subgraphs: { shops: 'unavailable', analytics: 'unavailable' } } });
  });
});
