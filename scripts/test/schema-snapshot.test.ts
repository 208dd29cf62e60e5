import { existsSync, readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type GraphQLSchema } from 'graphql';
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

  it('documents every public type, field and argument of the composed API', () => {
    const supergraph = parse(readFileSync(new URL('schema/supergraph.graphql', root), 'utf8'));
    const internal = (name: string) => /^(_|join__|link__|federation__)/.test(name) || ['Query', 'Mutation', 'Subscription'].includes(name);
    const undocumented: string[] = [];
    for (const definition of supergraph.definitions) {
      if (definition.kind === Kind.DIRECTIVE_DEFINITION || !('name' in definition) || !definition.name || internal(definition.name.value)) continue;
      const typeName = definition.name.value;
      if (!('description' in definition) || !definition.description) undocumented.push(`type ${typeName}`);
      const fields = 'fields' in definition ? (definition.fields ?? []) : [];
      for (const field of fields) {
        if (!field.description) undocumented.push(`${typeName}.${field.name.value}`);
        for (const arg of 'arguments' in field ? (field.arguments ?? []) : []) {
          if (!arg.description) undocumented.push(`${typeName}.${field.name.value}(${arg.name.value})`);
        }
      }
      for (const value of 'values' in definition ? (definition.values ?? []) : []) {
        if (!value.description) undocumented.push(`${typeName}.${value.name.value}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
