import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mintOperatorToken } from '@cip/platform';
import { testSigner } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { requestSelects } from '../support/queries';
import { addCustomer, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let operatorToken: string;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'analytics'] });
  org = await signUp(platform, 'Cache Setting Auto');
  await addCustomer(platform, org.ownerToken, org.shopId, 'Ada');
  operatorToken = (await mintOperatorToken(await testSigner(), 'ada')).token;
});
afterAll(() => platform?.close());

const setMaxTtl = (value: unknown) =>
  platform.execute(
    `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
    { input: { key: 'gateway.response-cache-max-ttl-seconds', state: { enabled: true, fallthrough: { value } }, reason: 'stale dashboards reported' } },
    { token: operatorToken },
  );

/** A staff read through the gateway, and the SELECTs it caused in the shops subgraph (0: answered from the cache). */
async function selectsFor(query: string) {
  const capture = platform.subgraphs.shops!.runtime.db.queryLog.capture();
  const response = await platform.execute(query, {}, { token: org.ownerToken });
  expect(response.errors).toBeUndefined();
  return Object.values(requestSelects(capture.stop())).reduce((n, count) => n + count, 0);
}

/** Each step asks something not asked before, so no entry written under an earlier setting answers it. */
const fresh = (() => {
  const fields = ['id', 'name', 'timezone', 'laborRate { amountCents }'];
  let n = 0;
  return () => `{ shops { ${fields.slice(0, ++n).join(' ')} customers { name } } }`;
})();

describe('the response cache TTL as a dynamic setting', () => {
  it('caches no longer than the setting says, from the moment a running gateway sees it, and keeps it when a bad value is refused', async () => {
    const cached = fresh();
    expect(await selectsFor(cached)).toBeGreaterThan(0);
    expect(await selectsFor(cached)).toBe(0);

    const off = await setMaxTtl(0);
    expect(off.errors).toBeUndefined();
    await vi.waitFor(() => expect(platform.gateway.flags.appliedVersion).toBeGreaterThanOrEqual(off.data!.setFeatureFlag.version), { timeout: 20_000 });
    const uncached = fresh();
    expect(await selectsFor(uncached)).toBeGreaterThan(0);
    expect(await selectsFor(uncached)).toBeGreaterThan(0);

    const refused = await setMaxTtl(-5);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/response-cache-max-ttl-seconds/);
    await platform.gateway.flags.refresh();
    expect(platform.gateway.flags.appliedVersion).toBe(off.data!.setFeatureFlag.version);
    const still = fresh();
    await selectsFor(still);
    expect(await selectsFor(still)).toBeGreaterThan(0);

    const on = await setMaxTtl(60);
    await vi.waitFor(() => expect(platform.gateway.flags.appliedVersion).toBeGreaterThanOrEqual(on.data!.setFeatureFlag.version), { timeout: 20_000 });
    const again = fresh();
    await selectsFor(again);
    expect(await selectsFor(again)).toBe(0);
  });
});
