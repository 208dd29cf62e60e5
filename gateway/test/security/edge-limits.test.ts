import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { must, signUp, type SeededOrg } from '../support/seed';
import { clients, connect } from '../support/subscriptions';
import { expectNothingLeaked } from './leaks';

/** Issue 11.8: the edge refuses expensive documents before planning them, and tells nobody the schema by suggestion, in production. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'inspections', 'vehicles'], configOverrides: { NODE_ENV: 'production' } });
  org = await signUp(platform, 'Limits Lube');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

async function send(query: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  expectNothingLeaked(text);
  return { status: response.status, text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

const repeat = (n: number, piece: (i: number) => string) => Array.from({ length: n }, (_, i) => piece(i)).join(' ');

describe('document limits at the gateway', () => {
  it.each([
    ['2,400 aliases of shops { id }', () => `{ ${repeat(2_400, (i) => `a${i}: shops { id }`)} }`, 'tokens'],
    ['50,000 __typename aliases', () => `{ ${repeat(50_000, (i) => `t${i}: __typename`)} }`, 'tokens'],
    ['20 aliases in a small document', () => `{ ${repeat(20, (i) => `a${i}: shops { id }`)} }`, 'aliases'],
    ['60 directives', () => `{ shops { id ${repeat(60, () => '__typename @include(if: true)')} } }`, 'directives'],
    ['13 levels of nesting', () => `{ shops { ${repeat(6, () => 'organization { shops {')} id ${repeat(6, () => '} }')} } }`, 'depth'],
    [
      'a 1,000-spread fragment fan-out (10 × 10 × 10)',
      () => `{ ...F0 } fragment F0 on Query { ${repeat(10, () => '...F1')} } fragment F1 on Query { ${repeat(10, () => '...F2')} } fragment F2 on Query { ${repeat(10, () => '...F3')} } fragment F3 on Query { shops { id name organization { id name } } }`,
      'cost',
    ],
  ])('refuses %s with QUERY_TOO_COMPLEX naming its limit, in a short answer', async (_label, document, limit) => {
    const { status, text, body } = await send(document());
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max: expect.any(Number) });
    expect(text.length).toBeLessThan(4_096);
  });

  it('runs a document within every limit', async () => {
    const data = must(await platform.execute(`{ a: shops { id } b: shops { id @include(if: true) organization { id } } }`, {}, { token: org.ownerToken }));
    expect(data.a).toEqual([{ id: org.shopId }]);
  });

  it('names no field in production when a document misspells one, with introspection off', async () => {
    const { status, body } = await send('{ shopz { id } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0].message).toMatch(/Cannot query field "shopz"/);
    const introspection = await send('{ __schema { queryType { name } } }');
    expect(introspection.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('names no field in production over WebSocket either, and holds subscriptions to the same limits', async () => {
    const client = connect(platform.gatewayUrl, org.ownerToken);
    const refusal = (query: string) =>
      new Promise<{ message: string; extensions?: Record<string, unknown> }[]>((resolve) =>
        client.subscribe({ query }, { next: () => undefined, error: (errors) => resolve(errors as never), complete: () => resolve([]) }),
      );
    const misspelled = await refusal(`subscription { inspectionUpdatd(shopId: "${org.shopId}") { id } }`);
    expect(misspelled[0].message).toMatch(/Cannot query field "inspectionUpdatd"/);
    expectNothingLeaked(misspelled);
    const aliased = await refusal(`subscription { inspectionUpdated(shopId: "${org.shopId}") { ${repeat(20, (i) => `a${i}: id`)} } }`);
    expect(aliased[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });
});
