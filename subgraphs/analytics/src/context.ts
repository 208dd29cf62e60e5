import type { Principal, SubgraphRuntime } from '@cip/platform';
import { ReportingRepository } from './data/reporting';
import type { LiveMetrics } from './domain/live';

export interface AnalyticsContext {
  principal: Principal | null;
  runtime: SubgraphRuntime;
  repos: { reporting: ReportingRepository };
  live: LiveMetrics;
}

export function createContext(runtime: SubgraphRuntime, live: LiveMetrics, principal: Principal | null): AnalyticsContext {
  return { principal, runtime, repos: { reporting: new ReportingRepository(runtime.db.dataSource) }, live };
}
