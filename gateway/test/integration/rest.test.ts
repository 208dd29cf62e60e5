import SwaggerParser from '@apidevtools/swagger-parser';
import { buildSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deprecationHeaders } from '../../src/features/rest/deprecation';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { seedPartnerKey, withPartners } from './support';

let platform: TestPlatform;
let alpha: SeededOrg;
let rest: string;

beforeAll(async () => {
  platform = await startTestPlatform({ only: withPartners });
  alpha = await signUp(platform, 'Alpha Auto');
  rest = platform.gatewayUrl.replace(/\/graphql$/, '/api/v1');
});
afterAll(() => platform?.close());

describe('REST adapter generated from the schema', () => {
  it('publishes an OpenAPI document that validates', async () => {
    const response = await fetch(`${rest}/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/shop/{id}', '/shops']));
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
  });

  it('answers a REST call with the same data as the equivalent GraphQL query', async () => {
    const response = await fetch(`${rest}/shop/${alpha.shopId}`, { headers: { authorization: `Bearer ${alpha.ownerToken}` } });
    expect(response.status).toBe(200);
    const viaRest = await response.json();
    const viaGraphQL = await platform.execute(
      `query($id: ID!) { shop(id: $id) { id name timezone address { line1 line2 city region postalCode country } laborRate { amountCents currency } } }`,
      { id: alpha.shopId },
      { token: alpha.ownerToken },
    );
    expect(viaRest).toMatchObject(viaGraphQL.data!.shop);
  });

  it('applies the same authentication and tenancy as GraphQL', async () => {
    const anonymous = await fetch(`${rest}/shop/${alpha.shopId}`);
    const body = await anonymous.json();
    expect(body.errors?.[0].extensions?.code ?? body.errors?.[0]?.code).toBe('UNAUTHENTICATED');
    const bad = await fetch(`${rest}/shops`, { headers: { authorization: 'Bearer not.a.token' } });
    expect(bad.status).toBe(401);
    const other = await signUp(platform, 'Bravo Brakes');
    const foreign = await fetch(`${rest}/shop/${alpha.shopId}`, { headers: { authorization: `Bearer ${other.ownerToken}` } });
    expect((await foreign.json()).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("counts a partner key's REST calls against its quota, with RateLimit headers", async () => {
    const key = await seedPartnerKey(platform, alpha, 'Rest');
    const response = await fetch(`${rest}/viewer-partner`, { headers: { 'x-api-key': key.secret } });
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(key.partnerId);
    expect(response.headers.get('ratelimit-limit')).toBe('60');
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(60);
  });
});

describe('deprecation headers for REST routes', () => {
  const schema = buildSchema(`
    type Query {
      shopCount: Int @deprecated(reason: "Use shops.length. Removal: 2027-03-31.")
      shops: [String!]!
    }
  `);

  it('marks a route backed by a deprecated field with Deprecation and a Sunset at its removal date', () => {
    expect(deprecationHeaders(schema, parse('{ shopCount }'))).toEqual({
      deprecation: 'true',
      sunset: 'Wed, 31 Mar 2027 00:00:00 GMT',
      'x-deprecated-fields': 'Query.shopCount',
    });
    expect(deprecationHeaders(schema, parse('{ shops }'))).toEqual({});
  });
});
