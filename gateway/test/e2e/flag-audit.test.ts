import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mintOperatorToken } from '@cip/platform';
import { testSigner } from '@cip/platform/testing';
import { verifyAuditLog } from '../../../subgraphs/shops/src/domain/audit-verify';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { must, signUp, type SeededOrg } from '../support/seed';

/** Issue 18: every flag change is audited, in the platform's audit log, with who, what it was and became, and why. */
let platform: TestPlatform;
let org: SeededOrg;
let operatorToken: string;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'analytics'] });
  org = await signUp(platform, 'Flag Audit Auto');
  operatorToken = (await mintOperatorToken(await testSigner(), 'grace')).token;
});
afterAll(() => platform?.close());

const setNotice = (value: string, reason: string) =>
  platform.execute(
    `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
    { input: { key: 'platform.maintenance-notice', state: { enabled: true, fallthrough: { value } }, reason } },
    { token: operatorToken },
  );

type Entry = { actorKind: string; actorId: string; type: string; operation: string; targetIds: string[]; details: Record<string, any> | null };
const platformLog = async (token = operatorToken): Promise<Entry[]> =>
  must(await platform.execute(`{ auditLog(first: 200) { entries { actorKind actorId type operation targetIds details } } }`, {}, { token })).auditLog.entries;
const flagChanges = async () => (await platformLog()).filter((entry) => entry.operation === 'feature_flag.changed');

describe('feature flag changes in the audit log', () => {
  it('records each change through GraphQL with the operator, the flag, its previous and new value and the reason, in a chain that verifies', async () => {
    must(await setNotice('Upgrade tonight at 22:00 UTC', 'planned database upgrade'));
    must(await setNotice('', 'upgrade finished'));

    const changes = await vi.waitFor(
      async () => {
        const found = await flagChanges();
        expect(found).toHaveLength(2);
        return found;
      },
      { timeout: 20_000, interval: 200 },
    );
    const [second, first] = changes;
    expect(first).toMatchObject({ actorKind: 'OPERATOR', actorId: 'grace', type: 'EVENT', targetIds: ['platform.maintenance-notice'] });
    expect(first.details).toMatchObject({
      key: 'platform.maintenance-notice',
      previousState: null,
      state: { enabled: true, fallthrough: { value: 'Upgrade tonight at 22:00 UTC' } },
      reason: 'planned database upgrade',
    });
    expect(second.details).toMatchObject({
      previousState: { enabled: true, fallthrough: { value: 'Upgrade tonight at 22:00 UTC' } },
      state: { enabled: true, fallthrough: { value: '' } },
      reason: 'upgrade finished',
    });
    expect(second.details!.version).toBeGreaterThan(first.details!.version);

    // The gateway's record of the mutation itself joins the same chain.
    expect((await platformLog()).some((entry) => entry.operation === 'setFeatureFlag' && entry.actorId === 'grace')).toBe(true);
    expect((await verifyAuditLog(platform.subgraphs.shops!.runtime.db.dataSource.manager)).breaks).toEqual([]);
  });

  it("keeps the platform's log out of an organization owner's view", async () => {
    const own = await platformLog(org.ownerToken);
    expect(own.some((entry) => entry.operation === 'feature_flag.changed' || entry.operation === 'setFeatureFlag')).toBe(false);
  });
});
