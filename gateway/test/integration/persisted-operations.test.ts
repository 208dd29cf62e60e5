import { gql } from '@apollo/client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyShopsDocument } from '../../../clients/sdk/src/graphql';
import { PartnerProfileDocument, PartnerStatementDocument, RevokePartnerApiKeyDocument, IssuePartnerApiKeyDocument } from '../../../clients/sdk/src/partner/graphql';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { manifestHash, persistedClient, refusalCode, seedPartnerKey, waitForKey, withPartners, type SeededPartnerKey } from './support';

let platform: TestPlatform;
let alpha: SeededOrg;
let partner: SeededPartnerKey;

beforeAll(async () => {
  platform = await startTestPlatform({ only: withPartners });
  alpha = await signUp(platform, 'Alpha Auto');
  partner = await seedPartnerKey(platform, alpha);
});
afterAll(() => platform?.close());

describe('automatic persisted queries for first-party apps', () => {
  it('registers an unknown hash on the first call and then runs it by hash alone, from another client too', async () => {
    const query = gql`query AdHocShopNames { shops { id name } }`;
    const headers = { authorization: `Bearer ${alpha.ownerToken}` };
    const first = persistedClient(platform.gatewayUrl, { headers });
    const result = await first.client.query({ query });
    expect(result.errors).toBeUndefined();
    expect(result.data.shops).toEqual([{ __typename: 'Shop', id: alpha.shopId, name: 'Alpha Auto Downtown' }]);
    expect(first.requests).toHaveLength(2);
    expect(first.requests[0].body.query).toBeUndefined();
    expect(first.requests[1].body.query).toContain('AdHocShopNames');

    const second = persistedClient(platform.gatewayUrl, { headers });
    const again = await second.client.query({ query });
    expect(again.data.shops[0].id).toBe(alpha.shopId);
    expect(second.requests).toHaveLength(1);
    expect(second.requests[0].body.query).toBeUndefined();
    expect(second.requests[0].body.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps registered hashes in the shared store', async () => {
    const { client, requests } = persistedClient(platform.gatewayUrl, { headers: { authorization: `Bearer ${alpha.ownerToken}` } });
    await client.query({ query: gql`query AdHocShopZones { shops { timezone } }` });
    const hash = requests[0].body.extensions!.persistedQuery!.sha256Hash;
    expect(await platform.store.get(`apq:${hash}`)).toContain('AdHocShopZones');
  });

  it('runs a published first-party operation by its manifest hash without sending the text', async () => {
    const { client, requests } = persistedClient(platform.gatewayUrl, { headers: { authorization: `Bearer ${alpha.ownerToken}` }, generateHash: manifestHash });
    const result = await client.query({ query: MyShopsDocument });
    expect(result.data.shops[0].id).toBe(alpha.shopId);
    expect(requests).toHaveLength(1);
    expect(requests[0].body.query).toBeUndefined();
  });
});

describe('partner API keys run only published partner operations', () => {
  it('runs a manifest operation with an API key, scoped to the shops the partner reaches', async () => {
    const { client, requests } = persistedClient(platform.gatewayUrl, { headers: { 'x-api-key': partner.secret }, generateHash: manifestHash });
    const result = await client.query({ query: PartnerProfileDocument });
    expect(result.errors).toBeUndefined();
    expect(result.data.viewerPartner.shops.map((s: { shop: { id: string } }) => s.shop.id)).toEqual([alpha.shopId]);
    expect(requests).toHaveLength(1);
    expect(requests[0].body.query).toBeUndefined();
    expect(requests[0].headers.get('ratelimit-limit')).toBe('60');
    expect(Number(requests[0].headers.get('ratelimit-remaining'))).toBeLessThan(60);
  });

  it("reads a reached shop's statement with the partner by the published PartnerStatement hash, and no other shop's", async () => {
    const { client, requests } = persistedClient(platform.gatewayUrl, { headers: { 'x-api-key': partner.secret }, generateHash: manifestHash });
    const period = new Date().toISOString().slice(0, 7);
    const result = await client.query({ query: PartnerStatementDocument, variables: { shopId: alpha.shopId, partnerId: partner.partnerId, period } });
    expect(result.errors).toBeUndefined();
    expect(result.data.partnerStatement).toMatchObject({ period, payable: { amountCents: 0 } });
    expect(requests[0].body.query).toBeUndefined();
    const other = await signUp(platform, 'Bravo Brakes');
    const foreign = await client.query({ query: PartnerStatementDocument, variables: { shopId: other.shopId, partnerId: partner.partnerId, period }, errorPolicy: 'all' });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.data?.partnerStatement ?? null).toBeNull();
  });

  it('refuses an ad-hoc query from an API key with PERSISTED_QUERY_NOT_ALLOWED, sent by hash or in full', async () => {
    const { client, requests } = persistedClient(platform.gatewayUrl, { headers: { 'x-api-key': partner.secret } });
    expect(await refusalCode(client.query({ query: gql`query Snoop { viewerPartner { id apiKeys { id } } }` }))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(requests).toHaveLength(1);
    expect(requests[0].status).toBe(403);

    const plain = await platform.execute(`{ viewerPartner { id } }`, {}, { headers: { 'x-api-key': partner.secret } });
    expect(plain.status).toBe(403);
    expect(plain.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(plain.data ?? null).toBeNull();
  });

  it('refuses a first-party operation from an API key: only the partner manifest is allowed', async () => {
    const { client } = persistedClient(platform.gatewayUrl, { headers: { 'x-api-key': partner.secret }, generateHash: manifestHash });
    expect(await refusalCode(client.query({ query: MyShopsDocument }))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('refuses an unknown key with 401 UNAUTHENTICATED', async () => {
    const result = await platform.execute(`{ __typename }`, {}, { headers: { 'x-api-key': 'cip_00000000.not-a-key' } });
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a key once the partner revokes it through its own published mutation', async () => {
    const { client } = persistedClient(platform.gatewayUrl, { headers: { 'x-api-key': partner.secret }, generateHash: manifestHash });
    const issued = await client.mutate({ mutation: IssuePartnerApiKeyDocument, variables: { input: { label: 'second' } } });
    expect(issued.errors).toBeUndefined();
    const second = issued.data!.issuePartnerApiKey;
    await waitForKey(platform, second.secret, true);

    const revoked = await client.mutate({ mutation: RevokePartnerApiKeyDocument, variables: { keyId: second.key.id } });
    expect(revoked.data?.revokePartnerApiKey.revokedAt).toBeTruthy();
    await waitForKey(platform, second.secret, false);
    const refused = await platform.execute(`{ __typename }`, {}, { headers: { 'x-api-key': second.secret } });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const first = await client.query({ query: PartnerProfileDocument });
    expect(first.errors).toBeUndefined();
  });
});
