import type DataLoader from 'dataloader';
import { batchLoader, groupLoader, readableShopIds, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { MileageReading } from './data/mileage-reading';
import { createRepositories, type Repositories } from './data/repositories';
import type { TemplateOverride } from './data/template-override';
import type { Vehicle } from './data/vehicle';
import type { VinDecoder } from './decoding/decoder';
import type { Services } from './domain/services';

export interface VehiclesContext {
  principal: Principal | null;
  /** The caller's `authorization` header, for asking other subgraphs as the caller. */
  authorization: string | null;
  runtime: SubgraphRuntime;
  decoder: VinDecoder;
  services: Services;
  repos: Repositories;
  loaders: {
    vehicle: DataLoader<string, Vehicle | null>;
    vehiclesByCustomer: DataLoader<string, Vehicle[]>;
    mileageByVehicle: DataLoader<string, MileageReading[]>;
    overridesByShop: DataLoader<string, TemplateOverride[]>;
  };
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, decoder: VinDecoder, services: Services, principal: Principal | null, authorization: string | null): VehiclesContext {
  const dataSource = runtime.db.dataSource;
  const repos = createRepositories(dataSource.manager);
  const shopIds = readableShopIds(principal);
  return {
    principal,
    authorization,
    runtime,
    decoder,
    services,
    repos,
    loaders: {
      vehicle: batchLoader((ids) => repos.vehicles.findByIds(ids)),
      vehiclesByCustomer: groupLoader((ids: readonly string[]) => repos.vehicles.listByCustomerIds(ids, shopIds)),
      mileageByVehicle: groupLoader((ids: readonly string[]) => repos.mileage.listByVehicleIds(ids)),
      overridesByShop: groupLoader((ids: readonly string[]) => repos.templateOverrides.listByShopIds(ids)),
    },
  };
}
