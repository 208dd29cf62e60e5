import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '@cip/platform';
import { deniedShop } from '../../src/features/subscriptions/shop-check';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Update { id: ID }
  type Subscription { inspectionUpdated(shopId: ID!): Update  anything: Update }
`);
const own = 'shop-own';
const staff: Principal = { kind: 'staff', userId: 'u1', orgId: 'o1', roles: { [own]: 'OWNER' }, expiresAt: Date.now() + 60_000 } as Principal;

const check = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return deniedShop(schema, document, document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables, staff);
};

/** Issue 11.1: the gateway's shop check sees the root fields execution would run, however the document spells them. */
describe("the gateway's shop check on subscriptions", () => {
  it.each([
    ['a plain field', 'subscription { inspectionUpdated(shopId: "foreign") { id } }'],
    ['an inline fragment on the root type', 'subscription { ... on Subscription { inspectionUpdated(shopId: "foreign") { id } } }'],
    ['a bare inline fragment inside one, aliased', 'subscription { ... on Subscription { ... { watch: inspectionUpdated(shopId: "foreign") { id } } } }'],
    ['a named fragment', 'subscription { ...W } fragment W on Subscription { inspectionUpdated(shopId: "foreign") { id } }'],
    ['a variable', 'subscription($s: ID!) { inspectionUpdated(shopId: $s) { id } }'],
    ['a variable default', 'subscription($s: ID! = "foreign") { ... on Subscription { inspectionUpdated(shopId: $s) { id } } }'],
    ['an @include turned on by a variable', 'subscription($on: Boolean!) { ... @include(if: $on) { inspectionUpdated(shopId: "foreign") { id } } }'],
  ])('refuses a foreign shop named through %s', (_label, query) => {
    expect(check(query, { s: 'foreign', on: true })).toBe('foreign');
  });

  it('admits the caller\'s own shop through a fragment, and fields without a shop', () => {
    expect(check(`subscription { ... on Subscription { inspectionUpdated(shopId: "${own}") { id } } }`)).toBeNull();
    expect(check('subscription { anything { id } }')).toBeNull();
  });

  it('refuses when the variables do not coerce', () => {
    expect(check('subscription($s: ID!) { inspectionUpdated(shopId: $s) { id } }', {})).toBe('');
  });
});
