import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = (script: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' } });

describe('the checks CI runs on committed files', () => {
  it('npm run compose -- --check composes the five subgraphs and finds schema/ up to date', async () => {
    const { stdout } = await tsx('scripts/compose.ts', '--check');
    expect(stdout).toContain('composition ok: 5 subgraphs, schema/ is up to date');
  });

  it('npm run docs:events -- --check finds the event list of docs/integration.md current', async () => {
    await expect(tsx('scripts/events-doc.ts', '--check')).resolves.toMatchObject({ stderr: '' });
  });

  it('the OpenAPI step writes a document with one operation per REST route it reports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cip-openapi-'));
    try {
      const out = join(dir, 'openapi.json');
      const { stdout } = await tsx('scripts/openapi.ts', out);
      const routes = Number(/^(\d+) routes written to /.exec(stdout)?.[1]);
      const document = JSON.parse(await readFile(out, 'utf8')) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(document.openapi).toMatch(/^3\./);
      expect(routes).toBeGreaterThan(0);
      expect(Object.values(document.paths).flatMap((methods) => Object.keys(methods).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)))).toHaveLength(routes);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
