import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

/** Issue 13.7: a retried create with the same Idempotency-Key returns the first result and writes nothing new. */
let platform: TestPlatform;
let org: SeededOrg;
let other: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Retry Repairs');
  other = await signUp(platform, 'Elsewhere Auto');
});
afterAll(() => platform?.close());

const create = `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id firstName } }`;
const input = (firstName: string) => ({ firstName, lastName: 'Driver', phone: '+13035550142', email: `${firstName.toLowerCase()}@example.com`, smsConsent: true });

async function customersAt(shopId: string): Promise<number> {
  const client = new pg.Client({ connectionString: platform.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM shops.customer WHERE shop_id = $1', [shopId]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function send(token: string, variables: Record<string, unknown>, key: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({ query: create, variables }),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('Idempotency-Key on mutations', () => {
  it('answers a retry from the first result without creating a second customer', async () => {
    const before = await customersAt(org.shopId);
    const variables = { shopId: org.shopId, input: input('Riley') };
    const first = await send(org.ownerToken, variables, 'create-riley-1');
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
    const retries = await Promise.all([1, 2, 3].map(() => send(org.ownerToken, variables, 'create-riley-1')));
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(retry.replayed).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
    expect(await customersAt(org.shopId)).toBe(before + 1);
  });

  it('refuses the same key with other variables with IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    await send(org.ownerToken, { shopId: org.shopId, input: input('Morgan') }, 'create-morgan');
    const before = await customersAt(org.shopId);
    const reused = await send(org.ownerToken, { shopId: org.shopId, input: input('Someone') }, 'create-morgan');
    expect(reused.status).toBe(422);
    expect(reused.body.errors?.[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.data).toBeUndefined();
    expect(await customersAt(org.shopId)).toBe(before);
  });

  it("keeps one caller's keys apart from another's, and runs requests without a key every time", async () => {
    const beforeOther = await customersAt(other.shopId);
    const mine = await send(org.ownerToken, { shopId: org.shopId, input: input('Avery') }, 'shared-key');
    const theirs = await send(other.ownerToken, { shopId: other.shopId, input: input('Avery') }, 'shared-key');
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.data.createCustomer.id).not.toBe(mine.body.data.createCustomer.id);
    expect(await customersAt(other.shopId)).toBe(beforeOther + 1);

    const before = await customersAt(org.shopId);
    for (let i = 0; i < 2; i++) expect((await platform.execute(create, { shopId: org.shopId, input: input('Quinn') }, { token: org.ownerToken })).errors).toBeUndefined();
    expect(await customersAt(org.shopId)).toBe(before + 2);
  });

  it('refuses a malformed key with BAD_USER_INPUT', async () => {
    const refused = await send(org.ownerToken, { shopId: org.shopId, input: input('Blake') }, 'x'.repeat(300));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
