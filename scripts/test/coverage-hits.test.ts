import { describe, expect, it } from 'vitest';
import { addHits, type FileHits, type Range } from '../coverage/hits';

const range = (startLine: number, startColumn: number, endLine: number, endColumn: number | null): Range => ({
  start: { line: startLine, column: startColumn },
  end: { line: endLine, column: endColumn },
});

/** The suite's map of a file: three statements, one function, one if with two arms. */
const suite = (): FileHits => ({
  statementMap: { 0: range(2, 2, 2, 20), 1: range(3, 4, 3, Infinity), 2: range(5, 2, 5, 10) },
  fnMap: { 0: { decl: range(1, 9, 1, 13), loc: range(1, 0, 6, 1) } },
  branchMap: { 0: { type: 'if', loc: range(2, 2, 4, 3), locations: [range(2, 2, 4, 3), range(4, 3, 4, 3)] } },
  s: { 0: 1, 1: 0, 2: 0 },
  f: { 0: 1 },
  b: { 0: [1, 0] },
});

describe('adding a process’s hits to the suite’s coverage of the same file', () => {
  it('adds hits item by item where the ranges are the same, and where only the end differs (another compiler’s map)', () => {
    const into = suite();
    addHits(into, {
      // The same statement 0; statement 1 as JSON writes an open end (null); statement 2 ends one column later.
      statementMap: { 0: range(2, 2, 2, 20), 1: range(3, 4, 3, null), 2: range(5, 2, 5, 11) },
      fnMap: { 0: { decl: range(1, 9, 1, 13), loc: range(1, 0, 6, 1) } },
      branchMap: { 0: { type: 'if', loc: range(2, 2, 4, 4), locations: [range(2, 2, 4, 4), range(4, 4, 4, 4)] } },
      s: { 0: 2, 1: 3, 2: 1 },
      f: { 0: 2 },
      b: { 0: [0, 2] },
    });
    expect(into.s).toEqual({ 0: 3, 1: 3, 2: 1 });
    expect(into.f).toEqual({ 0: 3 });
    expect(into.b).toEqual({ 0: [1, 2] });
  });

  it('keeps the suite’s items as the ones counted: code only the process’s map has is dropped, so totals do not grow', () => {
    const into = suite();
    addHits(into, {
      statementMap: { 0: range(1, 0, 1, 9), 1: range(7, 0, 7, 5) },
      fnMap: { 0: { decl: range(7, 9, 7, 12), loc: range(7, 0, 7, 40) } },
      branchMap: { 0: { type: 'cond-expr', loc: range(2, 2, 4, 3), locations: [range(2, 2, 2, 5), range(2, 8, 2, 9)] } },
      s: { 0: 5, 1: 5 },
      f: { 0: 5 },
      b: { 0: [5, 5] },
    });
    expect(Object.keys(into.statementMap)).toHaveLength(3);
    expect(into.s).toEqual({ 0: 1, 1: 0, 2: 0 });
    expect(into.f).toEqual({ 0: 1 });
    // A branch of another kind at the same place is not the if.
    expect(into.b).toEqual({ 0: [1, 0] });
  });
});
