import { createEntityLookup, type SubgraphRuntime } from '@cip/platform';
import { createRepositories } from '../data/repositories';
import type { VinDecoder } from '../decoding/decoder';
import { createTemplateOverrideService } from './template-overrides';
import { createVehicleService } from './vehicles';

/** The vehicles subgraph's services, built once per process; `checkCustomers` false only where no shops subgraph runs. */
export function createServices(runtime: SubgraphRuntime, decoder: VinDecoder, options: { checkCustomers?: boolean } = {}) {
  const repos = createRepositories(runtime.db.dataSource.manager);
  const customers = options.checkCustomers === false ? null : createEntityLookup(runtime.config);
  return {
    vehicles: createVehicleService(runtime, repos, decoder, customers),
    templateOverrides: createTemplateOverrideService(runtime, repos),
  };
}

export type Services = ReturnType<typeof createServices>;
