/**
 * Prints the suite's coverage per package from coverage/coverage-summary.json (written by
 * `npm test -- --coverage`) and fails when it falls below the floors: 90 % of lines and 80 % of branches
 * overall, 85 % of lines in every package.
 * Every package counts, `scripts/` too: the processes tests start are measured (scripts/coverage/).
 * An optional argument names another summary file.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

interface Counts {
  total: number;
  covered: number;
}
type Summary = Record<string, { lines: Counts; branches: Counts }>;

const floors = { lines: 90, branches: 80, packageLines: 85 };

const root = resolve(import.meta.dirname, '..');
const summary = JSON.parse(readFileSync(resolve(root, process.argv[2] ?? 'coverage/coverage-summary.json'), 'utf8')) as Summary;

const packageOf = (file: string) => {
  const parts = relative(root, file).split('/');
  return parts[0] === 'packages' || parts[0] === 'subgraphs' ? `${parts[0]}/${parts[1]}` : parts[0];
};
const percent = (c: Counts) => (c.total === 0 ? 100 : (100 * c.covered) / c.total);
const add = (a: Counts, b: Counts) => ({ total: a.total + b.total, covered: a.covered + b.covered });

const packages = new Map<string, { lines: Counts; branches: Counts }>();
for (const [file, counts] of Object.entries(summary)) {
  if (file === 'total') continue;
  const name = packageOf(file);
  const sum = packages.get(name) ?? { lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } };
  packages.set(name, { lines: add(sum.lines, counts.lines), branches: add(sum.branches, counts.branches) });
}

const failures: string[] = [];
console.log(`${'coverage'.padEnd(24)}lines   branches`);
for (const [name, counts] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
  const lines = percent(counts.lines);
  console.log(`${name.padEnd(24)}${lines.toFixed(1).padStart(5)} %  ${percent(counts.branches).toFixed(1).padStart(5)} %`);
  if (lines < floors.packageLines) failures.push(`${name}: lines ${lines.toFixed(1)} % < ${floors.packageLines} %`);
}
const total = [...packages.values()].reduce((sum, c) => ({ lines: add(sum.lines, c.lines), branches: add(sum.branches, c.branches) }), { lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } });
const [lines, branches] = [percent(total.lines), percent(total.branches)];
console.log(`${'all'.padEnd(24)}${lines.toFixed(1).padStart(5)} %  ${branches.toFixed(1).padStart(5)} %  (floors ${floors.lines} % / ${floors.branches} %, ${floors.packageLines} % per package)`);
if (lines < floors.lines) failures.push(`all: lines ${lines.toFixed(1)} % < ${floors.lines} %`);
if (branches < floors.branches) failures.push(`all: branches ${branches.toFixed(1)} % < ${floors.branches} %`);

if (failures.length > 0) {
  console.error(`coverage below its floor:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
