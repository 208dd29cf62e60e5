import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDatabase } from './support/database';
import { describeMachine, machineFacts } from './support/machine';
import { useCompiledBuild } from './support/services';

/**
 * `npm run bench [-- <scenario> …]`: runs every file in bench/scenarios (or the named ones) one after
 * another, prints each section and writes it into docs/performance.md, replacing that scenario's
 * previous section and keeping the others. A scenario that throws is reported as failed in its section,
 * and the process exits non-zero after the rest have run.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const scenarioDir = `${root}bench/scenarios/`;
const reportPath = `${root}docs/performance.md`;

const available = (await readdir(scenarioDir)).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)).sort();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length) {
  process.stderr.write(`Unknown scenario(s): ${unknown.join(', ')}. Available: ${available.join(', ')}\n`);
  process.exit(2);
}
const selected = requested.length ? available.filter((name) => requested.includes(name)) : available;

const fromSource = process.env.BENCH_FROM_SOURCE === '1';
if (!fromSource) useCompiledBuild();
const stopDatabase = await ensureDatabase();
const sections = new Map<string, string>();
let failed = 0;
for (const name of selected) {
  const machine = describeMachine(machineFacts());
  process.stdout.write(`\n▶ ${name} (${machine})\n`);
  const started = Date.now();
  let body: string;
  try {
    const scenario = (await import(pathToFileURL(`${scenarioDir}${name}.ts`).href)) as { run(): Promise<string> };
    body = (await scenario.run()).trim();
  } catch (error) {
    failed++;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    body = `## ${name}\n\n**Failed.** The scenario threw before it produced figures:\n\n\`\`\`\n${message}\n\`\`\``;
  }
  const text = withMachineLine(body, `_Measured ${machine}; took ${Math.round((Date.now() - started) / 1000)} s._`);
  sections.set(name, text);
  process.stdout.write(`\n${text}\n`);
}
await stopDatabase();

await writeFile(reportPath, render(await existingSections(), sections));
process.stdout.write(`\nWrote ${reportPath}${failed ? `; ${failed} scenario(s) failed` : ''}\n`);
process.exit(failed ? 1 : 0);

function withMachineLine(body: string, line: string): string {
  const lines = body.split('\n');
  const heading = lines.findIndex((l) => l.startsWith('## '));
  if (heading < 0) return [`## ${line}`, '', body].join('\n');
  lines.splice(heading + 1, 0, '', line);
  return lines.join('\n');
}


interface Kept {
  body: string;
  /** Hand-written reading of the figures, between this section's end and the next section: kept on every rerun. */
  notes: string;
}

async function existingSections(): Promise<Map<string, Kept>> {
  const kept = new Map<string, Kept>();
  if (!existsSync(reportPath)) return kept;
  const text = await readFile(reportPath, 'utf8');
  const pattern = /<!-- bench:([\w-]+) -->\n([\s\S]*?)\n<!-- \/bench:\1 -->([\s\S]*?)(?=<!-- bench:[\w-]+ -->|$)/g;
  for (const match of text.matchAll(pattern)) kept.set(match[1], { body: match[2].trim(), notes: match[3].trim() });
  return kept;
}

function render(previous: Map<string, Kept>, fresh: Map<string, string>): string {
  const merged = new Map(previous);
  for (const [name, body] of fresh) merged.set(name, { body, notes: previous.get(name)?.notes ?? '' });
  const order = [...merged.keys()].sort((a, b) => (a === 'gateway' ? -1 : b === 'gateway' ? 1 : a.localeCompare(b)));
  return [
    '# Performance',
    '',
    'Figures from `npm run bench`, which runs every scenario in `bench/scenarios/` (or only the ones named:',
    '`npm run bench -- gateway`) and rewrites that scenario\'s section here, keeping the others and the notes written',
    'after each section. Each section says',
    'when and on what machine it was measured; compare figures within one section, not across machines or runs.',
    'Without `DATABASE_URL` the benchmarks start the embedded PostgreSQL, as `npm test` does. Knobs:',
    '`BENCH_CONNECTIONS` (100), `BENCH_DURATION_SECONDS` (10), `BENCH_WARMUP_SECONDS` (3), `BENCH_REPEATS` (3), and',
    '`BENCH_CPU_PROF=gateway,shops` to write CPU profiles of those processes under `.data/profiles/` (`npx tsx bench/profile.ts',
    '.data/profiles/shops` sums one up by package and function); `BENCH_SOAK_SECONDS` (600) is the length of the soak;',
    '`BENCH_MIXED_USERS` (1000), `BENCH_MIXED_SECONDS` (300), `BENCH_MIXED_RAMP_SECONDS` (a fifth of it, 5 to 60) and `BENCH_MIXED_SHOPS` (20)',
    'shape the mixed workload; `BENCH_BUS_EVENTS` (400) is how many events the bus scenario publishes. The services run as production runs them: the bench first builds the platform, the subgraphs',
    'and the gateway, then starts each from its compiled `dist/` (`scripts/start-prod.mjs`); `BENCH_FROM_SOURCE=1` runs them',
    'from TypeScript through `tsx` instead.',
    '',
    `Last run: ${describeMachine(machineFacts())}.`,
    '',
    ...order.flatMap((name) => {
      const { body, notes } = merged.get(name)!;
      return [`<!-- bench:${name} -->`, body, `<!-- /bench:${name} -->`, '', ...(notes ? [notes, ''] : [])];
    }),
  ].join('\n');
}
