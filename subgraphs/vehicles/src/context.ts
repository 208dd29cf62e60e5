import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchLoader, groupLoader, readableShopIds, type Principal, type SubgraphRuntime } from '@cip/platform';
import { MileageReadingRepository, type MileageReading } from './data/mileage-reading';
import { TemplateOverrideRepository, type TemplateOverride } from './data/template-override';
import { VehicleRepository, type Vehicle } from './data/vehicle';
import type { VinDecoder } from './decoding/decoder';
import type { Services } from './domain/services';

export interface VehiclesContext {
  principal: Principal | null;
  /** The caller's `authorization` header, for asking other subgraphs as the caller. */
  authorization: string | null;
  runtime: SubgraphRuntime;
  decoder: VinDecoder;
  services: Services;
  repos: ReturnType<typeof createRepositories>;
  loaders: {
    vehicle: DataLoader<string, Vehicle | null>;
    vehiclesByCustomer: DataLoader<string, Vehicle[]>;
    mileageByVehicle: DataLoader<string, MileageReading[]>;
    overridesByShop: DataLoader<string, TemplateOverride[]>;
  };
}

export function createRepositories(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    vehicles: new VehicleRepository(manager),
    mileage: new MileageReadingRepository(manager),
    templateOverrides: new TemplateOverrideRepository(manager),
  };
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, decoder: VinDecoder, services: Services, principal: Principal | null, authorization: string | null): VehiclesContext {
  const dataSource = runtime.db.dataSource;
  const repos = createRepositories(dataSource);
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
