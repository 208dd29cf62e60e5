import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { testConfig } from '@cip/platform/testing';
import { armorFeature } from '../../src/features/armor';
import type { FeatureRuntime } from '../../src/features/feature';

const repo = new URL('../../../', import.meta.url).pathname;
const apiSchema = Supergraph.build(readFileSync(join(repo, 'schema/supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();
const documents = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? documents(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
  );

/** The edge's limits as the gateway applies them in production: graphql-armor's rules and the parser's token cap. */
async function edge() {
  const parts = await armorFeature().setup({ config: testConfig('gateway', { NODE_ENV: 'production' }) } as FeatureRuntime);
  return { rules: (parts.validationRules ?? []) as ValidationRule[], maxTokens: parts.parseOptions?.maxTokens };
}

describe('the edge limits', () => {
  const files = documents(join(repo, 'clients/operations'));

  it.each(files.map((file) => [file.slice(repo.length), file]))('let every published operation through: %s', async (_name, file) => {
    const { rules, maxTokens } = await edge();
    const document = parse(readFileSync(file, 'utf8'), { maxTokens });
    expect(validate(apiSchema, document, rules).map((error) => error.message)).toEqual([]);
  });

  it('found the web app, customer and partner operations to check', () => {
    expect(files.some((file) => file.includes('/customer/'))).toBe(true);
    expect(files.some((file) => file.includes('/partner/'))).toBe(true);
    expect(files.some((file) => file.endsWith('board.graphql'))).toBe(true);
  });
});
