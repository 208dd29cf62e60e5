import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OpenFeature } from '@openfeature/web-sdk';
import { mintOperatorToken } from '@cip/platform';
import { testSigner } from '@cip/platform/testing';
import { GatewayFlagProvider, type ServedFlag } from '../../../clients/web/src/staff/flags/provider';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { must, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let targeted: SeededOrg;
let other: SeededOrg;
let operatorToken: string;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'analytics'] });
  targeted = await signUp(platform, 'Notice Auto');
  other = await signUp(platform, 'Quiet Motors');
  operatorToken = (await mintOperatorToken(await testSigner(), 'ada')).token;
});
afterAll(async () => {
  await OpenFeature.close();
  await platform?.close();
});

const served = `query($shopId: ID) { clientFeatureFlags(shopId: $shopId) { key value variant reason } }`;

/** What the web app does: the gateway's answer for this user, through the web app's own provider and the OpenFeature web SDK. */
async function noticeFor(org: SeededOrg, domain: string) {
  const provider = new GatewayFlagProvider(async (context) => must(await platform.execute(served, { shopId: context.shopId }, { token: org.ownerToken })).clientFeatureFlags as ServedFlag[]);
  await OpenFeature.setContext(domain, { targetingKey: org.ownerId, shopId: org.shopId });
  await OpenFeature.setProviderAndWait(domain, provider);
  return OpenFeature.getClient(domain).getStringValue('platform.maintenance-notice', '');
}

describe('flags for the browser', () => {
  it('serve only client-visible flags, evaluated for the signed-in user, to the web provider', async () => {
    const set = must(
      await platform.execute(
        `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
        {
          input: {
            key: 'platform.maintenance-notice',
            state: { enabled: true, rules: [{ when: { orgIds: [targeted.orgId] }, serve: { value: 'Maintenance tonight 22:00–23:00 UTC' } }] },
            reason: 'database upgrade',
          },
        },
        { token: operatorToken },
      ),
    );
    const flags = platform.subgraphs.analytics!.runtime.flags;
    await vi.waitFor(() => expect(flags.appliedVersion).toBeGreaterThanOrEqual(set.setFeatureFlag.version), { timeout: 20_000 });

    const list = must(await platform.execute(served, { shopId: targeted.shopId }, { token: targeted.ownerToken })).clientFeatureFlags as ServedFlag[];
    expect(list.map((f) => f.key).sort()).toEqual(['platform.maintenance-notice', 'web.dashboard-trends']);
    expect(list.find((f) => f.key === 'platform.maintenance-notice')).toMatchObject({ value: 'Maintenance tonight 22:00–23:00 UTC', reason: 'TARGETING_MATCH' });

    expect(await noticeFor(targeted, 'targeted')).toBe('Maintenance tonight 22:00–23:00 UTC');
    expect(await noticeFor(other, 'other')).toBe('');

    expect((await platform.execute(served, {}, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await platform.execute(served, {}, { token: operatorToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
