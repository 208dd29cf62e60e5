import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Replaces a CommonJS package's exports, for every module that requires it from now on, with a plain object
 * holding the same values. `@apollo/federation-internals` re-exports its 300 names through TypeScript's
 * `__exportStar` getters on an object V8 keeps in dictionary mode, and the gateway's result shaping reads several
 * of them for every field of every response: about a tenth of the gateway's CPU on a page of 2,000 items
 * (docs/performance.md), where a plain property costs a sixth of a getter. Its exports are assigned once, when
 * the package loads, so the copy holds what the getters would return. Must run before the package's consumers load.
 */
export function usePlainExports(specifier: string): void {
  const path = require.resolve(specifier);
  const loaded = require(specifier) as Record<string, unknown>;
  const cached = require.cache[path];
  if (!cached || !Object.values(Object.getOwnPropertyDescriptors(loaded)).some((d) => d.get)) return;
  cached.exports = Object.defineProperty({ ...loaded }, '__esModule', { value: true });
}

usePlainExports('@apollo/federation-internals');
