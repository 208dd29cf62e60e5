/**
 * The suite's coverage provider (`coverage.customProviderModule`): Vitest's V8 provider in the workers,
 * and in the main process one that also counts the processes tests start.
 */
import v8 from '@vitest/coverage-v8';
import type { CoverageProviderModule } from 'vitest/node';

const provider: CoverageProviderModule = {
  ...v8,
  async getProvider() {
    const { ChildProcessCoverageProvider } = await import('./child-process-provider');
    return new ChildProcessCoverageProvider();
  },
};
export default provider;
