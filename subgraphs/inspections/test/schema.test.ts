import { readFile } from 'node:fs/promises';
import { printSubgraphSchema } from '@apollo/subgraph';
import { isEnumType, isInputObjectType, isIntrospectionType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema';

/** Types other subgraphs own, which this one only extends: their own description lives there. */
const extended = new Set(['Shop', 'Customer', 'User', 'Vehicle', 'PartnerProduct']);
const federation = (name: string) => name.startsWith('_') || name.includes('__') || ['FieldSet', 'Query', 'Mutation', 'Subscription'].includes(name);

describe('the inspections schema', () => {
  it('is the SDL committed in schema/inspections.graphql', async () => {
    const committed = await readFile(new URL('../../../schema/inspections.graphql', import.meta.url), 'utf8');
    expect(`${printSubgraphSchema(schema).trim()}\n`).toBe(committed);
  });

  it('describes every type, field, argument and enum value a partner developer sees', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type) || (federation(type.name) && !['Query', 'Mutation', 'Subscription'].includes(type.name))) continue;
      if (!type.description && !extended.has(type.name) && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
