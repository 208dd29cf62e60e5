import { existsSync, readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphNames } from '@cip/platform';

const root = new URL('../../', import.meta.url);

describe('committed subgraph SDL', () => {
  it.each(subgraphNames)('matches what the %s subgraph builds (run `npm run compose` after a schema change)', async (name) => {
    const entry = new URL(`subgraphs/${name}/src/schema/index.ts`, root);
    expect(existsSync(entry), `subgraphs/${name} has a schema`).toBe(true);
    const { schema } = (await import(entry.href)) as { schema: GraphQLSchema };
    const committed = readFileSync(new URL(`schema/${name}.graphql`, root), 'utf8');
    expect(`${printSubgraphSchema(schema).trim()}\n`).toBe(committed);
  });

  it('documents every public type and field', async () => {
    const undocumented: string[] = [];
    for (const name of subgraphNames) {
      const entry = new URL(`subgraphs/${name}/src/schema/index.ts`, root);
      if (!existsSync(entry)) continue;
      const { schema } = (await import(entry.href)) as { schema: GraphQLSchema };
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('_') || type.name.startsWith('link__') || type.name.startsWith('federation__')) continue;
        if (['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name) === false && !type.description) {
          undocumented.push(`${name}: type ${type.name}`);
        }
        if ('getFields' in type) {
          for (const field of Object.values(type.getFields())) {
            if (field.name.startsWith('_')) continue;
            if (!field.description) undocumented.push(`${name}: ${type.name}.${field.name}`);
            for (const arg of 'args' in field ? field.args : []) {
              if (!arg.description) undocumented.push(`${name}: ${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
