/**
 * Reads what the preload (`child-coverage.mjs`) recorded in the processes tests started and maps it onto
 * the TypeScript sources through tsx's inline source maps.
 */
import type { Profiler } from 'node:inspector';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import astV8ToIstanbul from 'ast-v8-to-istanbul';
import { parseAstAsync } from 'vitest/node';
import type { FileHits } from './hits';

/** One module as one process ran it: V8's block counts and the exact code they refer to. */
export interface ChildScript extends Profiler.ScriptCoverage {
  source: string;
}

/** What each process recorded under `dir`, one process at a time (a process's record can be megabytes). */
export async function* childProcessesIn(dir: string): AsyncGenerator<ChildScript[]> {
  const names = await readdir(dir).catch(() => []);
  for (const name of names.filter((file) => file.endsWith('.json'))) yield (JSON.parse(await readFile(join(dir, name), 'utf8')) as { result: ChildScript[] }).result;
}

const inlineMap = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;
// tsx's esbuild output starts with `__name` helpers (keepNames): they are not in the source.
const helpers = new Set(['__defProp', '__name']);

type Node = { type: string; id?: { type: string; name?: string }; expression?: { type: string; callee?: { type: string; name?: string } } };
const isHelper = (node: Node) =>
  (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && helpers.has(node.id.name!)) ||
  (node.type === 'ExpressionStatement' && node.expression?.type === 'CallExpression' && node.expression.callee?.type === 'Identifier' && helpers.has(node.expression.callee.name!));

/** Converts the scripts one process recorded to hits per source file. */
export async function toFileHits(scripts: ChildScript[]): Promise<{ file: string; hits: FileHits }[]> {
  const converted: { file: string; hits: FileHits }[] = [];
  for (const script of scripts) {
    const encoded = inlineMap.exec(script.source)?.[1];
    if (!encoded) continue;
    const map = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as { sources: string[]; version: number; mappings: string; names: string[] };
    map.sources = map.sources.map((source) => new URL(source, script.url).href);
    const files = await astV8ToIstanbul({
      code: script.source,
      sourceMap: map,
      ast: (await parseAstAsync(script.source)) as never,
      coverage: { url: script.url, functions: script.functions },
      ignoreNode: (node) => (isHelper(node as Node) ? 'ignore-this-and-nested-nodes' : undefined),
    });
    for (const [file, hits] of Object.entries(files)) converted.push({ file, hits: ('data' in hits ? hits.data : hits) as FileHits });
  }
  return converted;
}
