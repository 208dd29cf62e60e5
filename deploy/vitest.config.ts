import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * The deployment checks: manifests rendered and validated, alert rules and dashboards against real
 * scrapes, and the production start from compiled dist/ (run `npm run build` first). `npm run test:deploy`.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['deploy/test/**/*.test.ts'],
    globalSetup: ['packages/platform/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
