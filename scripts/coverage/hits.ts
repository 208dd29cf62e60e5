/**
 * Adds the hits one file's coverage recorded to another's for the same source, when the two were mapped
 * from different compilations of it (Vite's for the suite, tsx's for the processes tests start). The
 * first one's statements, functions and branches stay the ones counted: an item gains the hits of the
 * other's item at the same place (same range, else same start), and code the other sees but the first
 * does not is dropped, so a total never grows and nothing is counted twice.
 */

export interface Position {
  line: number;
  column: number | null;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface FileHits {
  statementMap: Record<string, Range>;
  fnMap: Record<string, { decl: Range; loc: Range }>;
  branchMap: Record<string, { type: string; loc: Range; locations: Range[] }>;
  s: Record<string, number>;
  f: Record<string, number>;
  b: Record<string, number[]>;
}

// A range open to the end of its line is `Infinity` in memory and `null` once written as JSON.
const at = (position: Position) => `${position.line}:${position.column === null || position.column === Infinity ? 'end' : position.column}`;
const whole = (range: Range) => `${at(range.start)}-${at(range.end)}`;

/** Finds an item of `from` by its whole range, else by where it starts (the earliest-listed on a tie). */
function finder<T>(from: Record<string, T>, range: (item: T) => Range, kind: (item: T) => string = () => '') {
  const byWhole = new Map<string, string>();
  const byStart = new Map<string, string>();
  for (const [id, item] of Object.entries(from)) {
    const key = kind(item);
    if (!byWhole.has(key + whole(range(item)))) byWhole.set(key + whole(range(item)), id);
    if (!byStart.has(key + at(range(item).start))) byStart.set(key + at(range(item).start), id);
  }
  return (item: T) => byWhole.get(kind(item) + whole(range(item))) ?? byStart.get(kind(item) + at(range(item).start));
}

export function addHits(into: FileHits, from: FileHits): void {
  const statement = finder(from.statementMap, (range) => range);
  for (const [id, range] of Object.entries(into.statementMap)) {
    const match = statement(range);
    if (match !== undefined) into.s[id] += from.s[match];
  }
  const fn = finder(from.fnMap, (item) => item.loc);
  for (const [id, item] of Object.entries(into.fnMap)) {
    const match = fn(item);
    if (match !== undefined) into.f[id] += from.f[match];
  }
  const branch = finder(
    from.branchMap,
    (item) => item.loc,
    (item) => `${item.type}/${item.locations.length}/`,
  );
  for (const [id, item] of Object.entries(into.branchMap)) {
    const match = branch(item);
    if (match !== undefined) into.b[id] = into.b[id].map((hits, arm) => hits + from.b[match][arm]);
  }
}
