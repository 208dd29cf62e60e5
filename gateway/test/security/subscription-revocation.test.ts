import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ExecutionResult } from 'graphql-ws';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, password, signUp, type SeededOrg } from '../support/seed';
import { clients, completed, connect, metricsSubscription } from '../support/subscriptions';

/** A revoked session ends the subscriptions opened with it, with a coded error, while others keep streaming. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'analytics'], configOverrides: { SUBSCRIPTION_ACCESS_CHECK_MS: '200' } });
  org = await signUp(platform, 'Revoked Streams Garage');
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await platform?.close();
});

/** Everything one subscription received, and whether the server completed it. */
function watch(client: Client) {
  const seen: { results: ExecutionResult<any>[]; completed: boolean } = { results: [], completed: false };
  client.subscribe({ query: metricsSubscription, variables: { shopId: org.shopId } }, {
    next: (result) => void seen.results.push(result as ExecutionResult<any>),
    error: () => undefined,
    complete: () => (seen.completed = true),
  });
  return seen;
}

async function until(done: () => boolean, what: string) {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

const reds = (seen: { results: ExecutionResult<any>[] }) => seen.results.filter((r) => r.data).map((r) => r.data.shopMetricsUpdated.totals.itemsRed as number);
const codes = (seen: { results: ExecutionResult<any>[] }) => seen.results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);

/** Publishes events until every watcher has a result it did not have, so each one is known to be streaming. */
async function streamingNow(...watchers: { results: ExecutionResult<any>[] }[]) {
  const before = watchers.map((w) => w.results.length);
  await platform.bus.publish([completed(org, 1)]);
  await until(() => watchers.every((w, i) => w.results.length > before[i]!), 'an event on every stream');
}

describe('subscriptions after their access is revoked', () => {
  it('ends a logged-out session’s subscription with UNAUTHENTICATED and closes its connection with 4403, while another session keeps receiving', async () => {
    const session = must(await platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`, { e: org.ownerEmail, p: password })).login;
    let closedWith: number | undefined;
    const revoked = watch(connect(platform.gatewayUrl, session.accessToken, (code) => (closedWith = code)));
    const other = watch(connect(platform.gatewayUrl, org.ownerToken));
    await streamingNow(revoked, other);

    must(await platform.execute(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken }));
    await until(() => codes(revoked).length > 0 && closedWith !== undefined, 'the revoked stream to end');
    expect(codes(revoked)).toEqual(['UNAUTHENTICATED']);
    expect(closedWith).toBe(4403);

    const delivered = reds(revoked).length;
    await streamingNow(other);
    expect(reds(revoked)).toHaveLength(delivered);
    expect(codes(other)).toEqual([]);
  });

  it('ends the subscription of a colleague removed from the shop with FORBIDDEN, while the owner keeps receiving', async () => {
    const advisor = await addStaff(platform, org, 'ADVISOR');
    const removed = watch(connect(platform.gatewayUrl, advisor.token));
    const owner = watch(connect(platform.gatewayUrl, org.ownerToken));
    await streamingNow(removed, owner);

    must(await platform.execute(`mutation($s: ID!, $u: ID!) { setStaffRole(shopId: $s, userId: $u, role: null) { id } }`, { s: org.shopId, u: advisor.userId }, { token: org.ownerToken }));
    await until(() => removed.completed, 'the removed colleague’s stream to end');
    expect(codes(removed)).toEqual(['FORBIDDEN']);

    await streamingNow(owner);
    expect(codes(owner)).toEqual([]);
  });
});
