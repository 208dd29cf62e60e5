import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: Yoga and Pothos load the CommonJS build, so tests must not load the ESM one beside it.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    globalSetup: ['packages/platform/src/testing/global-setup.ts'],
    setupFiles: ['scripts/coverage/setup.ts'],
    // Bounds on liveness, not on speed: a machine running other CPU-heavy work stretches every step
    // (docs/testing.md), and a test that hangs still fails.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    coverage: {
      // V8 coverage, plus the processes tests start (scripts/coverage/).
      provider: 'custom',
      customProviderModule: 'scripts/coverage/provider.ts',
      include: ['packages/*/src/**/*.ts', 'subgraphs/*/src/**/*.ts', 'gateway/src/**/*.ts', 'scripts/**/*.ts'],
      // Not code the product runs: the scripts' own tests and fixtures, and the newcomer check CI runs
      // after the suite on fixed ports (scripts/smoke.ts, itself a test of `npm start`).
      exclude: ['scripts/test/**', 'scripts/smoke.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      reportOnFailure: true,
    },
  },
});
