// Lays out what the production image holds, from a checkout where `npm ci` and `npm run build` ran:
// package manifests, every runtime package's dist/, the committed supergraph and persisted-operation
// manifests, the entry point, and node_modules pruned to production dependencies (no TypeScript, tsx,
// lerna or vitest). deploy/Dockerfile runs it; so does the production-start test, outside a container.
//   node scripts/stage-prod.mjs <target directory>
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const target = process.argv[2] && resolve(process.argv[2]);
if (!target) {
  process.stderr.write('usage: node scripts/stage-prod.mjs <target directory>\n');
  process.exit(2);
}
const runtimePackages = ['packages/platform', 'gateway', 'subgraphs/shops', 'subgraphs/inspections', 'subgraphs/vehicles', 'subgraphs/partners', 'subgraphs/analytics'];
/** Directories under `root` matching `pattern`, whose segments are names or `*`. */
const matching = (pattern) =>
  pattern.split('/').reduce((paths, segment) => paths.flatMap((path) => {
    if (segment !== '*') return existsSync(join(root, path, segment)) ? [join(path, segment)] : [];
    return readdirSync(join(root, path), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(path, entry.name));
  }), ['']);
const workspaces = ['packages/*', 'subgraphs/*', 'gateway', 'clients/*'].flatMap(matching).filter((dir) => existsSync(join(root, dir, 'package.json')));

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const copy = (path) => cpSync(join(root, path), join(target, path), { recursive: true });

for (const missing of runtimePackages.filter((dir) => !existsSync(join(root, dir, 'dist')))) {
  process.stderr.write(`stage-prod: ${missing}/dist is missing; run npm run build first\n`);
  process.exit(1);
}
['package.json', 'package-lock.json', 'scripts/start-prod.mjs', 'schema/supergraph.graphql'].forEach(copy);
for (const dir of workspaces) copy(join(dir, 'package.json'));
for (const dir of runtimePackages) copy(join(dir, 'dist'));
for (const manifest of ['clients/sdk/src', 'clients/sdk/src/*'].flatMap(matching).map((dir) => join(dir, 'persisted-documents.json'))) if (existsSync(join(root, manifest))) copy(manifest);

// Hard links: staging costs no copy of the dependency tree, and pruning unlinks only the staged names.
for (const modules of ['node_modules', '*/node_modules', '*/*/node_modules'].flatMap(matching)) {
  mkdirSync(dirname(join(target, modules)), { recursive: true });
  execFileSync('cp', ['-al', join(root, modules), join(target, modules)]);
}
execFileSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: target, stdio: 'inherit' });
