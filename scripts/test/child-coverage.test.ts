import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { childProcessesIn, toFileHits, type ChildScript } from '../coverage/children';
import type { FileHits } from '../coverage/hits';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/sign.ts', import.meta.url));
const preload = new URL('../coverage/child-coverage.mjs', import.meta.url).href;
let dir: string;

const recorded = async () => {
  const processes: ChildScript[][] = [];
  for await (const scripts of childProcessesIn(dir)) processes.push(scripts);
  return processes;
};

afterEach(() => rm(dir, { recursive: true, force: true }));

/** Runs the fixture in its own process under the preload, as a test's child process runs, and maps what it recorded. */
async function coverageOfRun(argument: string): Promise<FileHits> {
  dir = await mkdtemp(join(tmpdir(), 'cip-child-coverage-'));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, argument], {
    env: { ...process.env, NODE_OPTIONS: `--import=${preload}`, CIP_CHILD_COVERAGE_DIR: dir, CIP_CHILD_COVERAGE_ROOT: root },
  });
  expect(stdout).toBe(Number(argument) > 0 ? 'positive' : 'not positive');
  const processes = await recorded();
  expect(processes).toHaveLength(1);
  const files = (await toFileHits(processes[0])).filter(({ file }) => file === fixture);
  expect(files).toHaveLength(1);
  return files[0].hits;
}

/** Hits of the statements that start on `line` of the fixture (1-based, as in the file). */
const statementHits = (hits: FileHits, line: number) =>
  Object.entries(hits.statementMap)
    .filter(([, range]) => range.start.line === line)
    .map(([id]) => hits.s[id]);

describe('coverage of a process a test starts', () => {
  it('counts the statements the process ran, on the lines of the TypeScript source, and not the ones it skipped', async () => {
    const hits = await coverageOfRun('3');
    expect(statementHits(hits, 3)).toEqual([1]);
    expect(statementHits(hits, 5)).toEqual([0]);
    expect(statementHits(hits, 8)).toEqual([1]);
    const [ifBranch] = Object.entries(hits.branchMap).filter(([, branch]) => branch.type === 'if');
    expect(ifBranch[1].loc.start.line).toBe(2);
    expect(hits.b[ifBranch[0]]).toEqual([1, 0]);
  });

  it('records the other arm when the process takes it', async () => {
    const hits = await coverageOfRun('-1');
    expect(statementHits(hits, 3)).toEqual([0]);
    expect(statementHits(hits, 5)).toEqual([1]);
  });

  it('writes nothing for a process that ran none of the repository’s code', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cip-child-coverage-'));
    await run(process.execPath, ['-e', 'process.stdout.write("ok")'], {
      env: { ...process.env, NODE_OPTIONS: `--import=${preload}`, CIP_CHILD_COVERAGE_DIR: dir, CIP_CHILD_COVERAGE_ROOT: root },
    });
    expect(await recorded()).toEqual([]);
  });
});
