import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';

/** One kind of failure: every error with the same type, normalized message and top frames. */
export interface ErrorGroup {
  fingerprint: string;
  /** The error's code (`extensions.code`) and class. */
  type: string;
  /** The message with ids, numbers, quoted values and addresses replaced by placeholders. */
  message: string;
  /** Where it was raised: the top stack frames, without line numbers. */
  frames: string[];
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Operation names that met it (at most `maxListed`). */
  operations: string[];
  /** Client names (`apollographql-client-name`) that met it (at most `maxListed`). */
  clients: string[];
}

const maxListed = 20;
const topFrames = 3;

const placeholders: [RegExp, string][] = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>'],
  [/"[^"]*"|'[^']*'/g, '"<value>"'],
  [/\b[0-9a-f]{16,}\b/gi, '<hex>'],
  [/\d+(\.\d+)?/g, '<n>'],
];

export function normalizeMessage(message: string): string {
  return placeholders.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message).slice(0, 500);
}

/** `at fn (/abs/path/node_modules/pkg/file.js:12:3)` → `fn (pkg/file.js)`: the same place across hosts and builds. */
export function framesOf(stack: string | undefined): string[] {
  return (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, topFrames)
    .map((line) =>
      line
        .trim()
        .replace(/^at /, '')
        .replace(/:\d+:\d+\)?$/, (match) => (match.endsWith(')') ? ')' : ''))
        .replace(/\(?(?:file:\/\/)?\/[^()]*?\/(node_modules\/|gateway\/|packages\/|subgraphs\/)/, (match, root: string) => (match.startsWith('(') ? '(' : '') + (root === 'node_modules/' ? '' : root)),
    );
}

/**
 * Errors grouped by fingerprint, with counts, first and last seen, and the operations and clients affected.
 * At most `maxGroups` are kept; past that the group seen longest ago is dropped.
 */
export class ErrorGroups {
  private readonly groups = new Map<string, ErrorGroup>();

  constructor(private readonly maxGroups = 1_000) {}

  record(error: GraphQLError, seen: { operationName?: string; clientName?: string; at?: Date }): ErrorGroup {
    const original = error.originalError ?? error;
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
    const type = `${code} ${original.constructor?.name ?? 'Error'}`;
    const message = normalizeMessage(error.message);
    const frames = framesOf(original.stack);
    const fingerprint = createHash('sha256').update(JSON.stringify([type, message, frames])).digest('hex').slice(0, 16);
    const at = (seen.at ?? new Date()).toISOString();
    let group = this.groups.get(fingerprint);
    if (group) this.groups.delete(fingerprint);
    else {
      group = { fingerprint, type, message, frames, count: 0, firstSeen: at, lastSeen: at, operations: [], clients: [] };
      if (this.groups.size >= this.maxGroups) this.groups.delete(this.groups.keys().next().value!);
    }
    group.count++;
    group.lastSeen = at;
    const note = (list: string[], value?: string) => value && !list.includes(value) && list.length < maxListed && list.push(value);
    note(group.operations, seen.operationName);
    note(group.clients, seen.clientName);
    // Most recently seen last, so the oldest is first to go.
    this.groups.set(fingerprint, group);
    return group;
  }

  /** Every group, the most frequent first. */
  list(): ErrorGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  }
}
