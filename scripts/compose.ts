import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { subgraphNames, defaultPorts } from '@cip/platform';
import type { GraphQLSchema } from 'graphql';

/**
 * Writes each subgraph's SDL and the composed supergraph to schema/. With --check, writes nothing
 * and exits non-zero when composition fails or the committed files differ from a fresh composition.
 */
const check = process.argv.includes('--check');
const root = new URL('../', import.meta.url);

const subgraphs = [];
const missing = [];
for (const name of subgraphNames) {
  const entry = new URL(`subgraphs/${name}/src/schema/index.ts`, root);
  if (!existsSync(entry)) {
    missing.push(name);
    continue;
  }
  const { schema } = (await import(entry.href)) as { schema: GraphQLSchema };
  const sdl = printSubgraphSchema(schema);
  subgraphs.push({ name, url: `http://127.0.0.1:${defaultPorts[name]}/graphql`, typeDefs: parse(sdl), sdl });
}

if (missing.length > 0 && check) fail(`subgraphs without a schema: ${missing.join(', ')}`);

const result = composeServices(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs })));
if (result.errors) fail(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);

const files = new Map<string, string>(subgraphs.map((s) => [`schema/${s.name}.graphql`, `${s.sdl.trim()}\n`]));
files.set('schema/supergraph.graphql', `${result.supergraphSdl.trim()}\n`);

if (check) {
  const stale = [];
  for (const [path, content] of files) {
    const committed = await readFile(new URL(path, root), 'utf8').catch(() => null);
    if (committed !== content) stale.push(path);
  }
  if (stale.length > 0) fail(`stale composed schema (run \`npm run compose\` and commit): ${stale.join(', ')}`);
  console.log(`composition ok: ${subgraphs.length} subgraphs, schema/ is up to date`);
} else {
  await mkdir(new URL('schema/', root), { recursive: true });
  for (const [path, content] of files) await writeFile(new URL(path, root), content);
  if (missing.length > 0) console.warn(`not composed (no schema yet): ${missing.join(', ')}`);
  console.log(`wrote ${[...files.keys()].join(', ')}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
