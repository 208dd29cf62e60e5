import { expect } from 'vitest';

/** What no response may carry: stack frames, SQL, file paths, internal hosts and ports, or field suggestions. */
const leaks: [string, RegExp][] = [
  ['a stack frame', /\bat [\w.<>]+ \(|\n\s+at /],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|relation "|violates .* constraint|syntax error at or near/i],
  ['a file path', /(\/[\w.-]+){2,}\.(ts|js|mjs|cjs)\b|node_modules|file:\/\//],
  ['an internal host or port', /\b(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]):\d+|ECONNREFUSED|ETIMEDOUT|ECONNRESET/],
  ['a field suggestion', /did you mean/i],
];

/** Fails when a response (body, errors, or anything else serialisable) gives away internals. */
export function expectNothingLeaked(response: unknown) {
  const text = typeof response === 'string' ? response : JSON.stringify(response);
  for (const [what, pattern] of leaks) expect(pattern.test(text), `response contains ${what}: ${text.slice(0, 500)}`).toBe(false);
}
