import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSubgraphBuilder, type PrincipalContext } from '../src/schema/builder';
import { advisors } from '../src/schema/roles';
import { valid } from '../src/validation';
import type { Principal } from '../src/auth/principal';

const shopId = '00000000-0000-4000-8000-000000000001';
const otherShop = '00000000-0000-4000-8000-000000000002';

const { builder, toSchema } = createSubgraphBuilder<PrincipalContext>();
builder.queryFields((t) => ({
  staffNote: t.string({ authScopes: { staff: true }, description: 'Staff only.', resolve: () => 'note' }),
  shopSecret: t.string({
    description: 'Advisors of the shop.',
    args: { shopId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ shopRole: { shopId: args.shopId, roles: advisors } }),
    resolve: () => 'secret',
  }),
  shopName: t.string({
    description: 'Anyone who may read the shop.',
    args: { shopId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ readShop: args.shopId }),
    resolve: () => 'name',
  }),
  echo: t.string({
    description: 'Validated arguments.',
    args: {
      name: t.arg.string({ required: true, validate: valid.name(20) }),
      id: t.arg.id({ validate: valid.id('Vehicle') }),
      currency: t.arg.string({ validate: valid.currency() }),
    },
    resolve: (_root, args) => args.name,
  }),
}));
const schema = toSchema();

const staff = (role: 'OWNER' | 'TECHNICIAN'): Principal => ({ kind: 'staff', userId: 'u', orgId: 'o', roles: { [shopId]: role }, expiresAt: 0 });
const customer: Principal = { kind: 'customer', inspectionId: 'i', orgId: 'o', shopId, customerId: 'c', vehicleId: 'v', expiresAt: 0 };

async function run(query: string, principal: Principal | null) {
  const result = await execute({ schema, document: parse(query), contextValue: { principal } });
  return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code), messages: (result.errors ?? []).map((e) => e.message) };
}

describe('the subgraph builder', () => {
  it('declares visibility by caller kind on the field', async () => {
    expect((await run('{ staffNote }', staff('TECHNICIAN'))).data).toEqual({ staffNote: 'note' });
    expect((await run('{ staffNote }', customer)).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ staffNote }', null)).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('checks shop roles: a foreign shop is NOT_FOUND, a role that is not enough FORBIDDEN', async () => {
    expect((await run(`{ shopSecret(shopId: "${shopId}") }`, staff('OWNER'))).data).toEqual({ shopSecret: 'secret' });
    expect((await run(`{ shopSecret(shopId: "${shopId}") }`, staff('TECHNICIAN'))).codes).toEqual(['FORBIDDEN']);
    expect((await run(`{ shopSecret(shopId: "${otherShop}") }`, staff('OWNER'))).codes).toEqual(['NOT_FOUND']);
    expect((await run(`{ shopSecret(shopId: "${shopId}") }`, customer)).codes).toEqual(['FORBIDDEN']);
    expect((await run(`{ shopName(shopId: "${shopId}") }`, customer)).data).toEqual({ shopName: 'name' });
    expect((await run(`{ shopName(shopId: "${otherShop}") }`, customer)).codes).toEqual(['NOT_FOUND']);
  });

  it('validates arguments before the resolver, naming the field', async () => {
    expect((await run('{ echo(name: " Ada ") }', customer)).data).toEqual({ echo: 'Ada' });
    for (const [args, field] of [
      ['name: "a\\u0000b"', 'name'],
      ['name: "\\u202Eevil"', 'name'],
      ['name: "\\u200B\\u200B"', 'name'],
      ['name: "ok", id: "1 OR 1=1"', 'id'],
      ['name: "ok", currency: "XYZ"', 'currency'],
    ]) {
      const result = await run(`{ echo(${args}) }`, customer);
      expect(result.codes, args).toEqual(['BAD_USER_INPUT']);
      expect(result.messages[0]).toMatch(new RegExp(`^${field}: `));
    }
  });
});
