import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '@cip/inspections/testing/s3';
import { createTestDatabase, type TestDatabase } from '@cip/platform/testing';
import { signUp, must, type Executor } from '@cip/shops/testing';
import { repoRoot } from './support/manifests';
import pg from 'pg';
import { imageEntrypoint, runMigrationJob, stageProductionTree, startProductionServices } from './support/production';

/** Names of every package installed under `dir`/node_modules, nested ones included. */
function installedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const paths = entry.name.startsWith('@') ? readdirSync(join(modules, entry.name)).map((n) => join(modules, entry.name, n)) : [join(modules, entry.name)];
      for (const path of paths) {
        const manifest = join(path, 'package.json');
        if (existsSync(manifest)) names.add(JSON.parse(readFileSync(manifest, 'utf8')).name);
        walk(join(path, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return names;
}

const devToolchain = ['typescript', 'tsx', 'tsc-alias', 'esbuild', 'vitest', 'lerna', 'vite'];
let appDir: string;
let database: TestDatabase;
let platform: Awaited<ReturnType<typeof startProductionServices>>;
let executor: Executor;
let migration: Awaited<ReturnType<typeof runMigrationJob>>;
let appliedBeforeStart: Record<string, number>;
let s3: TestS3Server;

async function appliedMigrations(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { schema } of tables.rows) counts[schema] = Number((await client.query(`SELECT count(*) AS n FROM "${schema}".migrations`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  appDir = stageProductionTree();
  database = await createTestDatabase('prod_start');
  migration = await runMigrationJob(appDir, database.url);
  appliedBeforeStart = await appliedMigrations(database.url);
  s3 = await startS3Server();
  platform = await startProductionServices(appDir, database.url, mkdtempSync(join(tmpdir(), 'cip-prod-logs-')), { ...s3.settings, ...s3.credentials });
  executor = {
    database,
    async execute(query, variables, options) {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options?.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(20_000),
      });
      return response.json() as never;
    },
  };
});

afterAll(async () => {
  await platform?.stop();
  await s3?.close();
  await database?.drop();
});

describe('the production image layout, outside a container', () => {
  it('holds production dependencies only: no TypeScript toolchain, test runner or build tool', () => {
    const staged = installedPackages(appDir);
    const checkout = installedPackages(repoRoot);
    for (const tool of devToolchain) {
      expect(checkout.has(tool), `${tool} is installed in the checkout`).toBe(true);
      expect(staged.has(tool), `${tool} is in the production tree`).toBe(false);
    }
    expect(staged.has('graphql')).toBe(true);
  });

  it('runs compiled JavaScript: the entry point starts from dist/ and no TypeScript source ships', () => {
    expect(imageEntrypoint().slice(1)).toEqual(['--conditions=compiled', 'scripts/start-prod.mjs']);
    for (const dir of ['packages/platform', 'gateway', 'subgraphs/shops', 'subgraphs/vehicles']) {
      expect(existsSync(join(appDir, dir, 'dist'))).toBe(true);
      expect(existsSync(join(appDir, dir, 'src'))).toBe(false);
    }
  });

  it('migrates the schema of every subgraph in the pre-sync Job before any service starts', () => {
    expect(migration.code, migration.output.slice(-2000)).toBe(0);
    expect(Object.keys(appliedBeforeStart).sort()).toEqual(['analytics', 'inspections', 'partners', 'shops', 'vehicles']);
    for (const [schema, count] of Object.entries(appliedBeforeStart)) expect(count, schema).toBeGreaterThan(0);
  });

  it('starts every workload with its container args and answers a query across all five subgraphs through the gateway', async () => {
    expect(platform.services.map((service) => service.name).sort()).toEqual(['analytics', 'gateway', 'inspections', 'partners', 'shops', 'vehicles']);
    const org = await signUp(executor, 'Compiled Motors');
    const today = new Date().toISOString().slice(0, 10);
    const data = must(
      await executor.execute(
        `query($from: String!, $to: String!) {
          shops { id name inspections(first: 5) { nodes { id } } metrics(range: { from: $from, to: $to }) { totals { inspectionsStarted } } programs { program { name } } }
          templates(shopId: "${org.shopId}") { id }
          decodeVin(vin: "1FTMW1T88MFA00001") { vin }
        }`,
        { from: today, to: today },
        { token: org.ownerToken },
      ),
    );
    expect(data.shops).toEqual([expect.objectContaining({ id: org.shopId, name: 'Compiled Motors Downtown', inspections: { nodes: [] }, metrics: { totals: { inspectionsStarted: 0 } } })]);
    expect(data.templates.length).toBeGreaterThan(0);
    expect(data.decodeVin.vin).toBe('1FTMW1T88MFA00001');
    expect(platform.services.filter((service) => service.exit)).toEqual([]);
  });
});
