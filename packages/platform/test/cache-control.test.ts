import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cachePolicyOf, checkCacheHints, type CacheHints } from '../src/server/cache-control';

const schema = buildSchema(/* GraphQL */ `
  type Query { shops: [Shop!]! shop(id: ID!): Shop inspections: [Inspection!]! _entities(representations: [String!]!): [_Entity]! }
  type Mutation { renameShop(id: ID!, name: String!): Shop }
  type Shop { id: ID! name: String! secretCount: Int! organization: Organization! inspections: [Inspection!]! }
  type Organization { name: String! }
  type Inspection { id: ID! }
  union _Entity = Shop | Organization
`);

const hints: CacheHints = {
  Shop: { maxAge: 60, scope: 'PRIVATE' },
  Organization: { maxAge: 300, scope: 'PUBLIC' },
  'Query.shop': { maxAge: 20, scope: 'PUBLIC' },
  'Shop.secretCount': { maxAge: 0, scope: 'PRIVATE' },
};

const policy = (query: string, operationName?: string) => cachePolicyOf(schema, hints, parse(query), operationName);

describe('cache policy of an operation', () => {
  it('takes the smallest maxAge and the narrowest scope of every hinted field and type; a field hint overrides its type', () => {
    expect(policy('{ shops { name organization { name } } }')).toEqual({ maxAge: 60, scope: 'PRIVATE' });
    expect(policy('{ shop(id: "1") { name } }')).toEqual({ maxAge: 20, scope: 'PUBLIC' });
    expect(policy('{ shop(id: "1") { name organization { name } } }')).toEqual({ maxAge: 20, scope: 'PUBLIC' });
    expect(policy('{ shop(id: "1") { name } shops { name } }')).toEqual({ maxAge: 20, scope: 'PRIVATE' });
  });

  it('is not cacheable when any composite field is unhinted, a leaf is hinted 0, or the operation is not a query', () => {
    expect(policy('{ shops { inspections { id } } }')).toBeNull();
    expect(policy('{ inspections { id } }')).toBeNull();
    expect(policy('{ shops { secretCount } }')).toBeNull();
    expect(policy('mutation { renameShop(id: "1", name: "x") { name } }')).toBeNull();
    expect(policy('{ __schema { queryType { name } } }')).toBeNull();
  });

  it('follows named fragments and the entity types an _entities fetch asks for', () => {
    expect(policy('query Q { shops { ...F } } fragment F on Shop { organization { name } }', 'Q')).toEqual({ maxAge: 60, scope: 'PRIVATE' });
    expect(policy('query Q { shops { ...F } } fragment F on Shop { inspections { id } }', 'Q')).toBeNull();
    expect(policy('{ _entities(representations: []) { ... on Organization { name } } }')).toEqual({ maxAge: 300, scope: 'PUBLIC' });
    expect(policy('{ _entities(representations: []) { ... on Shop { inspections { id } } } }')).toBeNull();
  });

  it('refuses hints for coordinates the schema does not have', () => {
    expect(() => checkCacheHints(schema, { Shpo: { maxAge: 1, scope: 'PUBLIC' } })).toThrow(/Shpo/);
    expect(() => checkCacheHints(schema, { 'Shop.nmae': { maxAge: 1, scope: 'PUBLIC' } })).toThrow(/Shop.nmae/);
    expect(() => checkCacheHints(schema, hints)).not.toThrow();
  });
});
