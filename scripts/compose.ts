import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { subgraphRegistry } from '@cip/platform/registry';

/**
 * Writes each subgraph's SDL and the composed supergraph to schema/. With --check, writes nothing
 * and exits non-zero when composition fails or the committed files differ from a fresh composition.
 */
const check = process.argv.includes('--check');
const root = new URL('../', import.meta.url);

const subgraphs = [];
for (const entry of subgraphRegistry) {
  const { schema } = await entry.load();
  const sdl = printSubgraphSchema(schema);
  subgraphs.push({ name: entry.name, url: `http://127.0.0.1:${entry.defaultPort}/graphql`, typeDefs: parse(sdl), sdl });
}

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
  console.log(`wrote ${[...files.keys()].join(', ')}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
