import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mintOperatorToken } from '@cip/platform';
import { testSigner } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { manifestHash, seedPartnerKey, withPartners } from './support';
import { PartnerProfileDocument } from '../../../clients/sdk/src/partner/graphql';

let platform: TestPlatform;
let alpha: SeededOrg;
let operatorToken: string;

beforeAll(async () => {
  platform = await startTestPlatform({ only: [...withPartners, 'analytics'] });
  alpha = await signUp(platform, 'Dynamic Auto');
  operatorToken = (await mintOperatorToken(await testSigner(), 'ada')).token;
});
afterAll(() => platform?.close());

const setQuotas = (value: unknown) =>
  platform.execute(
    `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
    { input: { key: 'gateway.partner-quotas', state: { enabled: true, fallthrough: { value } }, reason: 'partner traffic spike' } },
    { token: operatorToken },
  );

const partnerLimit = async (secret: string) => {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: manifestHash(PartnerProfileDocument) } } }),
  });
  await response.text();
  return response.headers.get('ratelimit-limit');
};

describe('partner quotas as a dynamic setting', () => {
  it('take a changed limit without a restart, and refuse an invalid one with a message, leaving the limit as it was', async () => {
    const key = await seedPartnerKey(platform, alpha, 'Dynamic');
    expect(await partnerLimit(key.secret)).toBe('60');

    const changed = await setQuotas({ standard: { perMinute: 7, perDay: 1_000 } });
    expect(changed.errors).toBeUndefined();
    const version = changed.data!.setFeatureFlag.version as number;
    await vi.waitFor(() => expect(platform.gateway.flags.appliedVersion).toBeGreaterThanOrEqual(version), { timeout: 20_000 });
    expect(await partnerLimit(key.secret)).toBe('7');

    const refused = await setQuotas({ standard: { perMinute: 0, perDay: 1_000 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/perMinute/);
    await platform.gateway.flags.refresh();
    expect(platform.gateway.flags.appliedVersion).toBe(version);
    expect(await partnerLimit(key.secret)).toBe('7');

    const staff = await platform.execute(
      `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
      { input: { key: 'gateway.partner-quotas', state: { enabled: false }, reason: 'not an operator' } },
      { token: alpha.ownerToken },
    );
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
