import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { selectsByTable } from '@cip/platform';
import { shopsSubgraph } from '../src/app';
import { addShop, addStaff, signUp, type SeededOrg } from './seed';

let shops: TestSubgraph;
let org: SeededOrg;
let other: SeededOrg;

beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
  org = await signUp(shops, 'Delta Diesel');
  other = await signUp(shops, 'Echo Electric');
});
afterAll(() => shops.close());

const createCustomer = `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id name phone tags smsConsent } }`;

describe('customers', () => {
  it('lets an advisor add a customer with consent and tags, and search by name fragment', async () => {
    const advisor = await addStaff(shops, org, 'ADVISOR');
    const created = await shops.execute(
      createCustomer,
      { shopId: org.shopId, input: { firstName: 'Rosa', lastName: 'Parks', phone: '+13035550199', smsConsent: true, tags: ['fleet'] } },
      { token: advisor.token },
    );
    expect(created.data?.createCustomer).toMatchObject({ name: 'Rosa Parks', phone: '+13035550199', tags: ['fleet'], smsConsent: true });
    const search = await shops.execute(`query($id: ID!) { shop(id: $id) { customers(search: "ros") { name } } }`, { id: org.shopId }, { token: advisor.token });
    expect(search.data?.shop.customers).toEqual([{ name: 'Rosa Parks' }]);
  });

  it('refuses a customer from a technician, and a phone that is not E.164, writing nothing', async () => {
    const tech = await addStaff(shops, org, 'TECHNICIAN');
    const denied = await shops.execute(createCustomer, { shopId: org.shopId, input: { firstName: 'Tess' } }, { token: tech.token });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await shops.execute(createCustomer, { shopId: org.shopId, input: { firstName: 'Tess', phone: '555-1234' } }, { token: org.ownerToken });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ path: 'phone', message: expect.stringMatching(/E\.164/) }]);
    const [{ n }] = await shops.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM shops.customer WHERE first_name = 'Tess'`);
    expect(n).toBe(0);
  });

  it('writes a customer.created event in the same transaction as the customer', async () => {
    const created = await shops.execute(createCustomer, { shopId: org.shopId, input: { firstName: 'Evan' } }, { token: org.ownerToken });
    const id = created.data!.createCustomer.id;
    const rows = await shops.runtime.db.dataSource.query(`SELECT envelope FROM shops.outbox WHERE type = 'customer.created' AND envelope->'subject'->>'id' = $1`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].envelope).toMatchObject({ orgId: org.orgId, shopId: org.shopId, subject: { typename: 'Customer', id } });
  });
});

describe('tenancy inside the shops subgraph', () => {
  it('resolves entity references only for callers allowed to see them', async () => {
    const customer = await shops.execute(createCustomer, { shopId: other.shopId, input: { firstName: 'Foreign' } }, { token: other.ownerToken });
    const representations = [
      { __typename: 'Shop', id: other.shopId },
      { __typename: 'Customer', id: customer.data!.createCustomer.id },
      { __typename: 'Organization', id: other.orgId },
      { __typename: 'User', id: other.ownerId },
      { __typename: 'Shop', id: org.shopId },
    ];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Shop { name } ... on Customer { name } ... on Organization { name } ... on User { name } } }`;
    const result = await shops.execute(query, { r: representations }, { token: org.ownerToken });
    expect(result.data?._entities).toEqual([null, null, null, null, { __typename: 'Shop', name: 'Delta Diesel Downtown' }]);
  });

  it('loads a batch of entity references with one query per entity type', async () => {
    const capture = shops.runtime.db.queryLog.capture();
    const representations = Array.from({ length: 20 }, () => ({ __typename: 'Shop', id: org.shopId })).concat(
      Array.from({ length: 20 }, () => ({ __typename: 'User', id: org.ownerId })),
    );
    const result = await shops.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { name organization { name } } ... on User { name } } }`,
      { r: representations },
      { token: org.ownerToken },
    );
    const counts = selectsByTable(capture.stop());
    expect(result.errors).toBeUndefined();
    expect(counts).toEqual({ 'shops.shop': 1, 'shops.staff_user': 1, 'shops.organization': 1 });
  });

  it("pages several shops' customers with one query", async () => {
    const second = await addShop(shops, org, 'Delta Diesel North');
    for (const [shopId, name] of [[org.shopId, 'Avery'], [second.shopId, 'Blake'], [second.shopId, 'Casey']]) {
      await shops.execute(createCustomer, { shopId, input: { firstName: name, lastName: 'Batch' } }, { token: second.ownerToken });
    }
    const capture = shops.runtime.db.queryLog.capture();
    const result = await shops.execute(`{ shops { name customers(search: "batch", first: 1) { name } } }`, {}, { token: second.ownerToken });
    const counts = selectsByTable(capture.stop());
    expect(result.data?.shops).toEqual([
      { name: 'Delta Diesel Downtown', customers: [{ name: 'Avery Batch' }] },
      { name: 'Delta Diesel North', customers: [{ name: 'Blake Batch' }] },
    ]);
    expect(counts['shops.customer']).toBe(1);
  });

  it('only lets an owner grant the owner role', async () => {
    const manager = await addStaff(shops, org, 'MANAGER');
    const tech = await addStaff(shops, org, 'TECHNICIAN');
    const promote = `mutation($shopId: ID!, $userId: ID!, $role: StaffRole) { setStaffRole(shopId: $shopId, userId: $userId, role: $role) { id } }`;
    const byManager = await shops.execute(promote, { shopId: org.shopId, userId: tech.userId, role: 'OWNER' }, { token: manager.token });
    expect(byManager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOwner = await shops.execute(promote, { shopId: org.shopId, userId: tech.userId, role: 'OWNER' }, { token: org.ownerToken });
    expect(byOwner.errors).toBeUndefined();
    const roles = await shops.execute(`query($id: ID!) { shop(id: $id) { staff { user { id } role } } }`, { id: org.shopId }, { token: org.ownerToken });
    expect(roles.data?.shop.staff.find((member: { user: { id: string } }) => member.user.id === tech.userId)?.role).toBe('OWNER');
    const foreign = await shops.execute(promote, { shopId: org.shopId, userId: other.ownerId, role: 'ADVISOR' }, { token: org.ownerToken });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
