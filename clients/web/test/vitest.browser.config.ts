import { defineConfig } from 'vitest/config';

/**
 * The browser suite: Debian's Chromium driven by playwright-core against `npm start` (started by the
 * global setup on ports of its own), with the production build of the web app.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
  },
});
