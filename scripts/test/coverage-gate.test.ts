import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cip-coverage-gate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const counts = (total: number, covered: number) => ({ total, covered, skipped: 0, pct: (100 * covered) / total });

/** Runs the gate on a summary of two packages with the given (lines, branches) covered out of 1000 each. */
async function gate(platform: [number, number], analytics: [number, number]) {
  const file = join(dir, `summary-${platform.join('-')}-${analytics.join('-')}.json`);
  const entry = ([lines, branches]: [number, number]) => ({ lines: counts(1000, lines), branches: counts(1000, branches) });
  await writeFile(
    file,
    JSON.stringify({
      total: entry([0, 0]),
      [join(root, 'packages/platform/src/a.ts')]: entry(platform),
      [join(root, 'subgraphs/analytics/src/b.ts')]: entry(analytics),
    }),
  );
  return run(process.execPath, ['--import', 'tsx', 'scripts/coverage-gate.ts', file], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('the coverage gate', () => {
  it('passes and prints each package and the total when every figure is at or above its floor', async () => {
    const result = await gate([990, 950], [900, 900]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/packages\/platform\s+99\.0 %\s+95\.0 %/);
    expect(result.stdout).toMatch(/subgraphs\/analytics\s+90\.0 %\s+90\.0 %/);
    // (990 + 900) / 2000 lines, (950 + 900) / 2000 branches.
    expect(result.stdout).toMatch(/all\s+94\.5 %\s+92\.5 %/);
  });

  it('fails naming the package whose lines fall below the per-package floor, though the total is above it', async () => {
    const result = await gate([1000, 1000], [500, 1000]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('subgraphs/analytics: lines 50.0 %');
    expect(result.stderr).not.toContain('packages/platform');
  });

  it('fails on the overall branch figure', async () => {
    const result = await gate([1000, 100], [1000, 100]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('all: branches 10.0 %');
  });

  it('holds the floors at 90 % of lines and 80 % of branches overall and 85 % of lines per package', async () => {
    const atFloors = await gate([850, 800], [950, 800]);
    expect(atFloors.code).toBe(0);
    const packageBelow = await gate([849, 1000], [1000, 1000]);
    expect(packageBelow.stderr).toContain('packages/platform: lines 84.9 % < 85 %');
    const linesBelow = await gate([899, 1000], [899, 1000]);
    expect(linesBelow.stderr).toContain('all: lines 89.9 % < 90 %');
    const branchesBelow = await gate([1000, 799], [1000, 799]);
    expect(branchesBelow.stderr).toContain('all: branches 79.9 % < 80 %');
  });
});
