import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const allowed = 'https://app.shop.example';
const foreign = 'https://evil.example';
const signUp = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const signUpInput = (email: string) => ({
  organizationName: 'Cross Origin Motors',
  ownerName: 'Casey',
  email,
  password: 'a-long-password-1',
  shop: { name: 'Cross Origin Downtown', timezone: 'America/Denver', laborRateCents: 12_000, address: { line1: '1 Main', city: 'Denver', region: 'CO', postalCode: '80202', country: 'US' } },
});

describe('CORS at the gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ only: ['shops'], configOverrides: { CORS_ORIGINS: `${allowed},https://other.shop.example` } });
  });
  afterAll(() => platform?.close());

  const post = (origin: string | undefined, query: string, variables: Record<string, unknown> = {}) =>
    fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  const preflight = (origin: string) =>
    fetch(platform.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers a preflight from an allowed origin with the methods and headers a GraphQL client sends', async () => {
    const response = await preflight(allowed);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')?.split(', ')).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('lets an allowed origin read the response of a query, naming that origin alone', async () => {
    const response = await post(allowed, '{ __typename }');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a preflight from any other origin without CORS headers', async () => {
    const response = await preflight(foreign);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a request from another origin with FORBIDDEN and does not execute it', async () => {
    const response = await post(foreign, signUp, { input: signUpInput('cors-foreign@example.com') });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const login = await platform.execute(`mutation { login(email: "cors-foreign@example.com", password: "a-long-password-1") { accessToken } }`);
    expect(login.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves requests from its own origin and from clients that send no origin as before', async () => {
    const own = await post(new URL(platform.gatewayUrl).origin, '{ __typename }');
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    const server = await post(undefined, '{ __typename }');
    expect(server.status).toBe(200);
  });
});

describe('CORS without CORS_ORIGINS', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ only: ['shops'] });
  });
  afterAll(() => platform?.close());

  it('allows no browser origin but its own', async () => {
    const response = await fetch(platform.gatewayUrl, { method: 'OPTIONS', headers: { origin: allowed, 'access-control-request-method': 'POST' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
