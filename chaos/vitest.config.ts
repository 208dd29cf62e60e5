import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/** The chaos suite: its own PostgreSQL and Redis, the services as separate processes, faults injected. `npm run test:chaos`. */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['chaos/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
