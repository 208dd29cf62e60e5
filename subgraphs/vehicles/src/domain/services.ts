import type { SubgraphRuntime } from '@cip/platform';
import { createRepositories } from '../context';
import type { VinDecoder } from '../decoding/decoder';
import { createTemplateOverrideService } from './template-overrides';
import { createVehicleService } from './vehicles';

/** The vehicles subgraph's services, built once per process. */
export function createServices(runtime: SubgraphRuntime, decoder: VinDecoder) {
  const repos = createRepositories(runtime.db.dataSource);
  return {
    vehicles: createVehicleService(runtime, repos, decoder),
    templateOverrides: createTemplateOverrideService(runtime, repos),
  };
}

export type Services = ReturnType<typeof createServices>;
