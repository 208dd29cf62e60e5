import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayCredentialHeader, type SubgraphName } from '@cip/platform';
import { registeredSubgraph, subgraphRegistry } from '@cip/platform/registry';
import { startTestSubgraph, testConfig, testSigner } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { clients, collect, completed, connect, metricsSubscription } from '../support/subscriptions';

/** Issue 11.9: in production a subgraph serves the gateway only, and holds body and depth limits of its own. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  // The vPIC API points at a dead local port: production mode would otherwise call NHTSA.
  platform = await startTestPlatform({ configOverrides: { NODE_ENV: 'production', VPIC_BASE_URL: 'http://127.0.0.1:9/api' } });
  org = await signUp(platform, 'Direct Line Motors');
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await platform?.close();
});

const credential = () => ({ [gatewayCredentialHeader]: platform.config.gatewaySecret! });
const bearer = () => ({ authorization: `Bearer ${org.ownerToken}` });

async function direct(name: SubgraphName, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(platform.subgraphs[name]!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }, text };
}

const query = (text: string) => JSON.stringify({ query: text });
const codes = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.map((error) => error.extensions?.code);

/** A body of `bytes` bytes that is a valid request apart from its size. */
const paddedBody = (bytes: number) => {
  const shell = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
  return shell.replace('"pad":""', `"pad":"${'x'.repeat(bytes - shell.length)}"`);
};

/** The same bytes, streamed in chunks without a declared length. */
const streamed = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, (offset += 64 * 1024)));
    },
  });
};

const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels)}__typename${' }'.repeat(levels)} }`;

describe.each(subgraphRegistry.map((entry) => entry.name))('the %s subgraph, called directly in production', (name) => {
  it('refuses a request without the gateway credential with 401 UNAUTHENTICATED, even with a valid token', async () => {
    const anonymous = await direct(name, query('{ __typename }'), bearer());
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const forged = await direct(name, query('{ __typename }'), { ...bearer(), [gatewayCredentialHeader]: 'f'.repeat(48) });
    expect(forged.status).toBe(401);
    expect(codes(forged)).toEqual(['UNAUTHENTICATED']);

    const fromGateway = await direct(name, query('{ __typename }'), { ...bearer(), ...credential() });
    expect(fromGateway.status).toBe(200);
    expect(fromGateway.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a 5 MB body with 413 PAYLOAD_TOO_LARGE, with a declared length or streamed without one', async () => {
    const body = paddedBody(5 * 1024 * 1024);
    const declared = await direct(name, body, { ...bearer(), ...credential() });
    expect(declared.status).toBe(413);
    expect(codes(declared)).toEqual(['PAYLOAD_TOO_LARGE']);
    const chunked = await direct(name, streamed(body), { ...bearer(), ...credential() });
    expect(chunked.status).toBe(413);
    expect(codes(chunked)).toEqual(['PAYLOAD_TOO_LARGE']);

    const small = await direct(name, streamed(paddedBody(100 * 1024)), { ...bearer(), ...credential() });
    expect(small.status).toBe(200);
    expect(small.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses 60 levels of nesting before executing anything, and serves 15', async () => {
    const deep = await direct(name, query(nested(60)), { ...bearer(), ...credential() });
    expect(deep.body.data).toBeUndefined();
    expect(codes(deep)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(deep.body.errors?.[0].message).toMatch(/depth/i);

    const shallow = await direct(name, query(nested(15)), { ...bearer(), ...credential() });
    expect(shallow.body.errors).toBeUndefined();
    expect(shallow.body.data).toEqual({ __typename: 'Query' });
  });

  it('serves neither _service { sdl } nor introspection to a caller without the credential, and both to the gateway', async () => {
    for (const text of ['{ _service { sdl } }', '{ __schema { queryType { name } } }']) {
      const anonymous = await direct(name, query(text));
      expect(anonymous.status).toBe(401);
      expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
      const withToken = await direct(name, query(text), bearer());
      expect(withToken.status).toBe(401);
      expect(withToken.text).not.toMatch(/type Query|queryType/);
    }
    const sdl = await direct(name, query('{ _service { sdl } }'), credential());
    expect(sdl.body.data?._service.sdl).toMatch(/@key\(fields: "id"\)/);
    const schema = await direct(name, query('{ __schema { queryType { name } } }'), { ...bearer(), ...credential() });
    expect(schema.body.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('the platform through the gateway, in production', () => {
  it('answers a query that reaches all five subgraphs', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const answer = await platform.execute(
      `query($shopId: ID!, $range: MetricsRange!) {
        shop(id: $shopId) { id metrics(range: $range) { totals { inspectionsCompleted } } }
        templates(shopId: $shopId) { id }
        vehicleTemplateMapping(shopId: $shopId) { template { id } }
        programs { id }
      }`,
      { shopId: org.shopId, range: { from: today, to: today } },
      { token: org.ownerToken },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.shop).toEqual({ id: org.shopId, metrics: { totals: { inspectionsCompleted: 0 } } });
    expect(answer.data?.templates.length).toBeGreaterThan(0);
    expect(answer.data?.vehicleTemplateMapping.length).toBeGreaterThan(0);
    expect(Array.isArray(answer.data?.programs)).toBe(true);
  });

  it('forwards subscriptions to the subgraph with the credential and delivers their events', async () => {
    const live = collect(connect(platform.gatewayUrl, org.ownerToken), metricsSubscription, { shopId: org.shopId });
    let first = null;
    for (let attempt = 0; attempt < 80 && !first; attempt++) {
      await platform.bus.publish([completed(org, 1)]);
      first = await live.next(() => true, 250);
    }
    expect(first?.result.errors).toBeUndefined();
    expect(first?.result.data.shopMetricsUpdated.shop.id).toBe(org.shopId);
  });
});

describe('a subgraph outside production', () => {
  it('serves callers without the credential, refuses a wrong one, and keeps introspection for the gateway when INTROSPECTION is off', async () => {
    const secret = 'd'.repeat(40);
    const { definition } = await registeredSubgraph('analytics').load();
    const subgraph = await startTestSubgraph(definition, { config: testConfig('analytics', { INTROSPECTION: 'false', GATEWAY_SECRET: secret }) });
    const { token } = await (await testSigner()).sign({ kind: 'staff', userId: randomUUID(), orgId: randomUUID(), roles: {} }, 300);
    try {
      expect((await subgraph.execute('{ __typename }')).data).toEqual({ __typename: 'Query' });
      const wrong = await subgraph.execute('{ __typename }', {}, { headers: { [gatewayCredentialHeader]: 'e'.repeat(40) } });
      expect(wrong.status).toBe(401);
      expect(wrong.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);

      const anonymous = await subgraph.execute('{ __schema { queryType { name } } }', {}, { token });
      expect(anonymous.data).toBeUndefined();
      expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      const gateway = await subgraph.execute('{ __schema { queryType { name } } }', {}, { token, headers: { [gatewayCredentialHeader]: secret } });
      expect(gateway.errors).toBeUndefined();
      expect(gateway.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await subgraph.close();
    }
  });
});
