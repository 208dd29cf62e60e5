import { readFile, writeFile } from 'node:fs/promises';
import { withEventCatalog } from '@cip/platform';

/** Writes the event list of docs/integration.md from the event catalog; `--check` fails when it is out of date. */
const path = new URL('../docs/integration.md', import.meta.url);
const current = await readFile(path, 'utf8');
const next = withEventCatalog(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    process.stderr.write('docs/integration.md lists other events than the catalog: run `npm run docs:events`.\n');
    process.exit(1);
  }
} else if (next !== current) await writeFile(path, next);
