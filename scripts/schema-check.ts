import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { isInterfaceType, isObjectType, isInputObjectType, isEnumType, type GraphQLSchema } from 'graphql';

/**
 * Compares the public (API) schema of a supergraph with the published one and fails on a breaking change
 * that schema/breaking-changes.json does not list as intended, and on a deprecation without a removal date.
 *
 *   npm run schema:check                              working tree schema/supergraph.graphql against HEAD's
 *   npm run schema:check -- --base origin/main        … against another git revision
 *   npm run schema:check -- --old a.graphql --new b.graphql [--allow allow.json]
 */
const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

interface IntendedChange {
  type: string;
  path: string;
  reason: string;
}

const removalDate = /\d{4}-\d{2}-\d{2}/;

const apiSchemaOf = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

async function publishedSdl(): Promise<string> {
  const old = option('old');
  if (old) return readFile(old, 'utf8');
  const base = option('base') ?? 'HEAD';
  return execFileSync('git', ['show', `${base}:schema/supergraph.graphql`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Deprecated fields, arguments and enum values whose reason names no removal date ("Removal: 2027-03-31"). */
function undatedDeprecations(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  const check = (coordinate: string, reason: string | null | undefined) => {
    if (reason !== undefined && reason !== null && !removalDate.test(reason)) found.push(`${coordinate}: "${reason}"`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return found;
}

const oldSchema = apiSchemaOf(await publishedSdl());
const newSchema = apiSchemaOf(await readFile(option('new') ?? new URL('schema/supergraph.graphql', root), 'utf8'));
const allowList = JSON.parse(await readFile(option('allow') ?? new URL('schema/breaking-changes.json', root), 'utf8')) as { intended: IntendedChange[] };

const changes: Change[] = await diff(oldSchema, newSchema);
const intended = (change: Change) => allowList.intended.some((i) => i.type === change.type && i.path === change.path);
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
const unintended = breaking.filter((c) => !intended(c));
const undated = undatedDeprecations(newSchema);

for (const change of changes) {
  const mark = change.criticality.level === CriticalityLevel.Breaking ? (intended(change) ? 'intended' : 'BREAKING') : change.criticality.level.toLowerCase();
  console.log(`  [${mark}] ${change.type} ${change.path ?? ''}: ${change.message}`);
}
if (undated.length > 0) console.error(`Deprecations must give a reason and a removal date (YYYY-MM-DD):\n${undated.map((d) => `  - ${d}`).join('\n')}`);
if (unintended.length > 0) {
  console.error(
    `${unintended.length} breaking change(s) not listed in schema/breaking-changes.json:\n` +
      unintended.map((c) => `  - ${c.type} ${c.path}: ${c.message}`).join('\n') +
      '\nDeprecate first (with a removal date), or list the change as intended with its reason.',
  );
}
if (unintended.length > 0 || undated.length > 0) process.exit(1);
console.log(`schema check passed: ${changes.length} change(s), ${breaking.length} breaking and intended.`);
