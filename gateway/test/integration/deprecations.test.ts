import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@cip/platform';
import type { GatewayContext } from '../../src/context';
import { deprecatedUseKey, deprecationUsagePlugin } from '../../src/features/deprecation-usage/plugin';

const typeDefs = `
  type Query {
    "Shops."
    shops: [Shop!]!
  }
  "A shop."
  type Shop {
    "Id."
    id: ID!
    "Old name field."
    title: String @deprecated(reason: "Use name. Removal: 2027-03-31.")
    "Name."
    name: String
  }
`;

describe('deprecated field usage', () => {
  it('is counted per client name and version for every operation that selects a deprecated field', async () => {
    const store = createMemoryStore();
    const server = new ApolloServer<GatewayContext>({
      schema: buildSchema(typeDefs),
      rootValue: { shops: [{ id: '1', title: 'Old', name: 'New' }] },
      plugins: [deprecationUsagePlugin(store)],
    });
    await server.start();
    const run = (query: string, clientName?: string, clientVersion?: string) =>
      server.executeOperation({ query }, { contextValue: { principal: null, clientName, clientVersion, traceHeaders: {}, responseHeaders: new Map() } });
    await run('{ shops { id title } }', 'shop-web', '4.2.0');
    await run('{ shops { title } }', 'shop-web', '4.2.0');
    await run('{ shops { title } }', 'partner-app', '1.0.0');
    await run('{ shops { title } }');
    await run('{ shops { name } }', 'shop-web', '4.3.0');
    expect(await store.get(deprecatedUseKey('Shop.title', 'shop-web', '4.2.0'))).toBe('2');
    expect(await store.get(deprecatedUseKey('Shop.title', 'partner-app', '1.0.0'))).toBe('1');
    expect(await store.get(deprecatedUseKey('Shop.title'))).toBe('1');
    expect(await store.get(deprecatedUseKey('Shop.title', 'shop-web', '4.3.0'))).toBeNull();
    await server.stop();
  });
});
