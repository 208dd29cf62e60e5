import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
let published: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schema-check-'));
  published = await readFile(join(root, 'schema/supergraph.graphql'), 'utf8');
  await writeFile(join(dir, 'published.graphql'), published);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function check(changed: string, intended: unknown[] = []) {
  await writeFile(join(dir, 'changed.graphql'), changed);
  await writeFile(join(dir, 'allow.json'), JSON.stringify({ intended }));
  const args = ['tsx', 'scripts/schema-check.ts', '--old', join(dir, 'published.graphql'), '--new', join(dir, 'changed.graphql'), '--allow', join(dir, 'allow.json')];
  return run('npx', args, { cwd: root }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  );
}

const withoutShopTimezone = () => {
  const changed = published.replace(/\n(\s+""".*"""\n)?\s+timezone: String! @join__field\(graph: SHOPS\)/, '');
  expect(changed).not.toBe(published);
  return changed;
};

describe('npm run schema:check', () => {
  it('passes when the schema did not change', async () => {
    expect((await check(published)).code).toBe(0);
  });

  it('fails on a breaking change (a removed field) and names it', async () => {
    const result = await check(withoutShopTimezone());
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/FIELD_REMOVED Shop\.timezone/);
  });

  it('passes a breaking change listed as intended', async () => {
    const result = await check(withoutShopTimezone(), [{ type: 'FIELD_REMOVED', path: 'Shop.timezone', reason: 'Moved to Shop.settings.' }]);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/\[intended\] FIELD_REMOVED Shop\.timezone/);
  });

  it('fails on a deprecation without a removal date and passes one with it', async () => {
    const field = /(\s+timezone: String!) @join__field\(graph: SHOPS\)/;
    const undated = await check(published.replace(field, '$1 @join__field(graph: SHOPS) @deprecated(reason: "Use the address.")'));
    expect(undated.code).toBe(1);
    expect(undated.output).toMatch(/removal date[\s\S]*Shop\.timezone/);
    const dated = await check(published.replace(field, '$1 @join__field(graph: SHOPS) @deprecated(reason: "Use the address. Removal: 2027-03-31.")'));
    expect(dated.code).toBe(0);
  });
});

describe('npm run codegen -- --check', () => {
  it('passes on the committed operations and generated client', async () => {
    await expect(run('npm', ['run', 'codegen', '--', '--check'], { cwd: root })).resolves.toBeDefined();
  });

  it('fails when an operation no longer validates against the supergraph', async () => {
    await mkdir(join(dir, 'operations'), { recursive: true });
    await writeFile(join(dir, 'operations/broken.graphql'), 'query Broken { shops { id removedField } }\n');
    await writeFile(
      join(dir, 'codegen.yml'),
      `schema: ${join(root, 'schema/supergraph.graphql')}\ndocuments: ${join(dir, 'operations/*.graphql')}\ngenerates:\n  ${join(dir, 'out/')}:\n    preset: client\n`,
    );
    const env = { ...process.env, NODE_ENV: 'development' };
    const failure = await run('npx', ['graphql-codegen', '--config', join(dir, 'codegen.yml'), '--check'], { cwd: root, env }).then(
      () => null,
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );
    expect(failure).toMatch(/removedField/);
  });
});
