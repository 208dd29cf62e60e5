import { readFile } from 'node:fs/promises';
import { printSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/app';

describe('the analytics SDL', () => {
  it('matches the committed schema/analytics.graphql (run `npm run compose` after changing the schema)', async () => {
    const committed = await readFile(new URL('../../../schema/analytics.graphql', import.meta.url), 'utf8');
    expect(`${printSubgraphSchema(schema).trim()}\n`).toBe(committed);
  });

  it('describes every type, field and argument it defines', () => {
    const ownedElsewhere = ['Query', 'Subscription'];
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('_') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !ownedElsewhere.includes(type.name)) missing.push(type.name);
      if (!('getFields' in type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
