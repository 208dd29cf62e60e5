import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { V8CoverageProvider } from '@vitest/coverage-v8/dist/provider.js';
import type { ReportContext, Vitest } from 'vitest/node';
import { childProcessesIn, toFileHits } from './children';
import { addHits, type FileHits } from './hits';

type CoverageMap = Awaited<ReturnType<V8CoverageProvider['generateCoverage']>>;
/** The parts of the V8 provider that build an empty file coverage the way the suite's report does. */
interface Internals {
  createUncoveredFileTransformer(ctx: Vitest): unknown;
  getSources(url: string, transform: unknown): Promise<unknown>;
  remapCoverage(url: string, wrapperLength: number, sources: unknown, functions: []): Promise<Record<string, unknown>>;
}

/**
 * Vitest's V8 coverage plus the coverage of the processes the tests start (services' `main.ts`, CLI
 * scripts, fixtures), which the workers' own profiler cannot see. The processes write to a directory
 * beside the report; their hits are added onto the suite's own file coverage (see `hits.ts`).
 */
export class ChildProcessCoverageProvider extends V8CoverageProvider {
  private get childDirectory() {
    return join(this.options.reportsDirectory, '.children');
  }

  override initialize(ctx: Vitest): void {
    super.initialize(ctx);
    process.env.CIP_CHILD_COVERAGE_DIR = this.childDirectory;
    process.env.CIP_CHILD_COVERAGE_ROOT = ctx.config.root;
  }

  override async generateCoverage(context: ReportContext): Promise<CoverageMap> {
    const map = await super.generateCoverage(context);
    for await (const scripts of childProcessesIn(this.childDirectory)) {
      for (const { file, hits } of await toFileHits(scripts)) {
        if (!this.isIncluded(file) || !existsSync(file)) continue;
        if (!map.files().includes(file)) map.merge(await this.emptyCoverage(file));
        addHits(map.fileCoverageFor(file).data as FileHits, hits);
      }
    }
    await rm(this.childDirectory, { recursive: true, force: true });
    return map;
  }

  private async emptyCoverage(file: string) {
    const internals = this as unknown as Internals;
    const url = `file://${file}`;
    return internals.remapCoverage(url, 0, await internals.getSources(url, internals.createUncoveredFileTransformer(this.ctx)), []);
  }
}
