import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import '../../src/app';

const require = createRequire(import.meta.url);

describe("the gateway's result shaping", () => {
  it("reads @apollo/federation-internals through plain properties that hold the package's own exports", () => {
    const exports = require('@apollo/federation-internals') as Record<string, unknown>;
    const accessors = Object.entries(Object.getOwnPropertyDescriptors(exports)).filter(([, descriptor]) => descriptor.get).map(([name]) => name);
    expect(accessors).toEqual([]);
    const definitions = require('@apollo/federation-internals/dist/definitions') as Record<string, unknown>;
    expect(exports.isNonNullType).toBe(definitions.isNonNullType);
    expect(Object.keys(exports).length).toBeGreaterThan(300);
  });
});
